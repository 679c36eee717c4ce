package org.nianbao.parse.parser.tables;

import static org.nianbao.parse.parser.text.LabelPattern.anyOf;
import static org.nianbao.parse.parser.text.LabelPattern.bracketOrdinal;
import static org.nianbao.parse.parser.text.LabelPattern.digitOrdinal;
import static org.nianbao.parse.parser.text.LabelPattern.hanOrdinal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.parse.parser.ParseBudget;
import org.nianbao.parse.parser.text.RegexScan;
import org.nianbao.parse.parser.warnings.ParseWarnings;

/**
 * Reads table 三 (依申请公开): tells whether （六） is printed as three rows (2021) or one (2019), reads the rows, and
 * settles ambiguous digit runs with the table's column identities ({@link Table3Grid}); it exists because table 三
 * is the one table whose rows check each other.
 */
public final class Table3Reader {

    /** Where the table begins, most specific first. */
    static final List<Pattern> STARTS = List.of(Pattern.compile(anyOf("申请人情况")),
            Pattern.compile(anyOf("本年新收")));
    /** （七）总计: the three-row （六） is told from the single row by what is printed before it, not by notes after. */
    private static final Pattern PROCESSED_TOTAL = Pattern.compile("[(]\\s*七\\s*[)]\\s*" + anyOf("总计", "合计"));
    private static final Pattern SPLIT_OTHER = Pattern.compile(anyOf("逾期不补正", "逾期未按", "逾期未缴", "不再处理其"));

    private static final List<RowSpec> ROWS_2021 = rows(true);
    private static final List<RowSpec> ROWS_2019 = rows(false);

    private final TableAccumulator acc;

    Table3Reader(TableAccumulator acc) {
        this.acc = acc;
    }

    /**
     * Reads table 三 inside {@code span}.
     *
     * @return true when （六） is printed as three rows, false for one, null when the table was not found
     */
    Boolean read(TableSpan span) {
        int from = span.firstOf(STARTS);
        if (from < 0) {
            return null;
        }
        Matcher total = RegexScan.first(PROCESSED_TOTAL, span.norm(), from, span.to());
        int tableEnd = total != null ? total.start() : span.to();
        boolean otherSplit = RegexScan.first(SPLIT_OTHER, span.norm(), from, tableEnd) != null;
        List<RowSpec> rows = otherSplit ? ROWS_2021 : ROWS_2019;
        Map<String, RowFit> fits = new TableRowsReader(acc).read(span.from(from), "三", rows, null);
        resolveWithColumnIdentities(rows, fits);
        return otherSplit;
    }

    public static List<RowSpec> rows(boolean otherSplit) {
        List<RowSpec> rows = new ArrayList<>();
        rows.add(s3("一、本年新收政府信息公开申请数量", hanOrdinal("一") + anyOf("本年新收"), "new"));
        rows.add(s3("二、上年结转政府信息公开申请数量", hanOrdinal("二") + anyOf("上年结转"), "carried_in"));
        rows.add(s3("（一）予以公开", bracketOrdinal("一") + anyOf("予以公开"), "granted"));
        rows.add(s3("（二）部分公开", bracketOrdinal("二") + anyOf("部分公开"), "partial"));
        String[][] withheld = {
            {"属于国家秘密", "国家秘密"}, {"其他法律行政法规禁止公开", "法律行政法规禁止", "其他法律"}, {"危及“三安全一稳定”", "危及", "三安全一稳定"},
            {"保护第三方合法权益", "第三方合法权益", "保护第三方"}, {"属于三类内部事务信息", "三类内部事务", "内部事务"}, {"属于四类过程性信息", "四类过程性", "过程性"},
            {"属于行政执法案卷", "行政执法案卷"}, {"属于行政查询事项", "行政查询事项"}};
        addNumbered(rows, "（三）不予公开 ", "withheld_", withheld);
        String[][] unavailable = {{"本机关不掌握相关政府信息", "本机关不掌握", "不掌握"},
            {"没有现成信息需要另行制作", "没有现成信息", "另行制作"}, {"补正后申请内容仍不明确", "补正后"}};
        addNumbered(rows, "（四）无法提供 ", "unavailable_", unavailable);
        String[][] rejected = {{"信访举报投诉类申请", "信访举报投诉", "信访"}, {"重复申请"},
            {"要求提供公开出版物", "公开出版物", "要求提供"}, {"无正当理由大量反复申请", "大量反复申请", "无正当理由大量", "大量反复"},
            {"要求行政机关确认或重新出具已获取信息", "确认或重新出具", "要求行政机关确认", "重新出具"}};
        addNumbered(rows, "（五）不予处理 ", "rejected_", rejected);
        if (otherSplit) {
            rows.add(s3("（六）其他处理 1.逾期不补正", digitOrdinal(1)
                    + anyOf("申请人无正当理由逾期不补正", "无正当理由逾期不补正", "申请人无正当理由", "逾期不补正"), "other_1"));
            rows.add(s3("（六）其他处理 2.逾期未缴费", digitOrdinal(2)
                    + anyOf("申请人逾期未按收费通知", "逾期未按收费通知", "申请人逾期未", "逾期未按", "逾期未缴"), "other_2"));
            rows.add(s3("（六）其他处理 3.其他", "[(]?\\s*3\\s*[.、,)．]\\s*" + anyOf("其他"), "other_3"));
        } else {
            rows.add(s3("（六）其他处理", bracketOrdinal("六") + anyOf("其他处理"), "other"));
        }
        rows.add(s3("（七）总计", bracketOrdinal("七") + anyOf("总计"), "processed_total"));
        rows.add(s3("四、结转下年度继续办理", hanOrdinal("四") + anyOf("结转下年", "结转下一年"), "carried_out"));
        return rows;
    }

    private static void addNumbered(List<RowSpec> rows, String group, String keyPrefix, String[][] labels) {
        for (int i = 0; i < labels.length; i++) {
            rows.add(s3(group + (i + 1) + "." + labels[i][0], digitOrdinal(i + 1) + anyOf(labels[i]),
                    keyPrefix + (i + 1)));
        }
    }

    private static RowSpec s3(String name, String regex, String row) {
        return RowSpec.of(name, regex, CellKeys.ofRow("s3." + row, CellKeys.S3_COLUMNS.toArray(new String[0])), "件",
                Plausibility::smallCounts);
    }

    /**
     * Ambiguous rows of table 三: choose the combination of splits that makes the most column identities hold;
     * rows whose split still differs between equally good combinations are reported as ambiguous.
     */
    private void resolveWithColumnIdentities(List<RowSpec> rows, Map<String, RowFit> fits) {
        ParseBudget budget = acc.budget();
        List<RowSpec> ambiguous = new ArrayList<>();
        long combinations = 1;
        for (RowSpec row : rows) {
            RowFit fit = fits.get(row.keys().get(0));
            if (fit != null && fit.status() == RowFit.Status.AMBIGUOUS) {
                ambiguous.add(row);
                combinations *= fit.alternatives().size();
            }
        }
        if (ambiguous.isEmpty()) {
            return;
        }
        if (combinations > 50_000 || budget.spent()) {
            for (RowSpec row : ambiguous) {
                acc.warn(RowFitWarnings.ambiguous(ParseWarnings.where("三", row.name()), row, fits.get(row.keys().get(0))));
            }
            return;
        }
        budget.charge(combinations * rows.size()); // only the search actually made
        int[] choice = new int[ambiguous.size()];
        int bestScore = -1;
        List<int[]> best = new ArrayList<>();
        Table3Grid trial = new Table3Grid(rows, acc.cells());
        int[] ambiguousRow = new int[ambiguous.size()];
        List<List<List<BigDecimal>>> ambiguousAlternatives = new ArrayList<>();
        for (int i = 0; i < ambiguous.size(); i++) {
            ambiguousRow[i] = rows.indexOf(ambiguous.get(i));
            ambiguousAlternatives.add(fits.get(ambiguous.get(i).keys().get(0)).alternatives());
        }
        boolean onLongs = trial.allSmallIntegers(ambiguousAlternatives);
        for (long c = 0; c < combinations; c++) {
            long rest = c;
            for (int i = 0; i < ambiguous.size(); i++) {
                List<List<BigDecimal>> alts = ambiguousAlternatives.get(i);
                choice[i] = (int) (rest % alts.size());
                rest /= alts.size();
                trial.set(ambiguousRow[i], alts.get(choice[i]), onLongs);
            }
            int score = onLongs ? trial.identitiesHoldingOnLongs() : trial.identitiesHolding();
            if (score > bestScore) {
                bestScore = score;
                best.clear();
            }
            if (score == bestScore) {
                best.add(choice.clone());
            }
        }
        int[] chosen = best.get(0);
        for (int i = 0; i < ambiguous.size(); i++) {
            RowSpec row = ambiguous.get(i);
            RowFit fit = fits.get(row.keys().get(0));
            List<BigDecimal> values = fit.alternatives().get(chosen[i]);
            List<List<BigDecimal>> stillPossible = new ArrayList<>();
            for (int[] b : best) {
                List<BigDecimal> v = fit.alternatives().get(b[i]);
                if (!stillPossible.contains(v)) {
                    stillPossible.add(v);
                }
            }
            RowFit resolved = new RowFit(values, rawsOf(values), fit.units(), stillPossible,
                    stillPossible.size() == 1 ? RowFit.Status.SPLIT : RowFit.Status.AMBIGUOUS);
            acc.put(row, resolved);
            if (stillPossible.size() > 1) {
                acc.warn(RowFitWarnings.ambiguous(ParseWarnings.where("三", row.name()), row, resolved));
            }
        }
    }

    private static List<String> rawsOf(List<BigDecimal> values) {
        List<String> r = new ArrayList<>();
        for (BigDecimal v : values) {
            r.add(v == null ? "" : v.toPlainString());
        }
        return r;
    }
}
