package org.nianbao.parse.parser;

import static org.nianbao.parse.parser.LabelPattern.anyOf;
import static org.nianbao.parse.parser.LabelPattern.bracketOrdinal;
import static org.nianbao.parse.parser.LabelPattern.digitOrdinal;
import static org.nianbao.parse.parser.LabelPattern.hanOrdinal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the three national tables (二 主动公开, 三 依申请, 四 复议诉讼) by finding each row by its label and the
 * values that follow it, whatever the input layout; it exists to turn report text into canonical cells.
 */
public final class TableReader {

    private static final String TABLE = "[表表格]";
    private static final Pattern S2_2021_MARK = Pattern.compile(
            anyOf("本年制发", "本年废止", "现行有效件数", "本年收费金额"));
    private static final Pattern S2_2019_MARK = Pattern.compile(
            anyOf("本年新制作", "本年新公开", "对外公开总数", "上一年项目数", "采购项目数", "采购总金额"));
    /** Where a table begins, most specific first: its printed header beats a narrative sentence using row words. */
    private static final List<Pattern> S2_STARTS = List.of(Pattern.compile(anyOf("第二十条")),
            Pattern.compile(anyOf("信息内容")), Pattern.compile(anyOf("本年制发", "本年新制作")));
    private static final List<Pattern> S3_STARTS = List.of(Pattern.compile(anyOf("申请人情况")),
            Pattern.compile(anyOf("本年新收")));
    private static final Pattern S4_HEADER_START = Pattern.compile(anyOf("行政复议") + "[\\s|]*" + anyOf("行政诉讼"));
    /** （七）总计: the three-row （六） is told from the single row by what is printed before it, not by notes after. */
    private static final Pattern S3_PROCESSED_TOTAL = Pattern.compile("[(]\\s*七\\s*[)]\\s*" + anyOf("总计", "合计"));
    private static final Pattern S3_SPLIT_OTHER = Pattern.compile(anyOf("逾期不补正", "逾期未按", "逾期未缴", "不再处理其"));
    private static final Pattern S4_HEADER_WORD = Pattern.compile(
            anyOf("总计", "审结", "其他结果", "结果纠正", "结果维持", "直接起诉", "复议后起诉", "维持", "纠正"));
    private static final Pattern S2_FALLBACK_START = Pattern.compile(anyOf("第二十条第"));
    private static final Pattern S4_FALLBACK_START = Pattern.compile(anyOf("行政复议") + "\\s*" + anyOf("行政诉讼"));

    private static final List<RowSpec> S2_ROWS_2021 = s2Rows2021();
    private static final List<RowSpec> S2_ROWS_2019 = s2Rows2019();
    private static final List<RowSpec> S3_ROWS_2021 = s3Rows(true);
    private static final List<RowSpec> S3_ROWS_2019 = s3Rows(false);
    private static final RowSpec S4_ROW = new RowSpec("行政复议、行政诉讼", Pattern.compile("$^"), CellKeys.s4Keys(), "件",
            Plausibility::smallCounts);

    /** Room for every cell of the largest format without rehashing (2019: 22 + 161 + 15 keys). */
    static final int CELLS_CAPACITY = 512;

    private TableReader() {
    }

    /** Reads all tables of a report; {@code norm} is the folded body text. */
    public static TableResult read(String norm, List<SectionLocator.Heading> headings) {
        return read(norm, headings, Set.of());
    }

    /**
     * Reads all tables of a report; {@code norm} is the folded body text, {@code pageNumbers} the numbers of the
     * page-number lines the reader dropped from it.
     */
    public static TableResult read(String norm, List<SectionLocator.Heading> headings, Set<Integer> pageNumbers) {
        return read(norm, headings, pageNumbers, ParseBudget.standalone());
    }

    /**
     * Reads all tables of a report, drawing the work of every search over alternatives (digit splits, column
     * identities) from {@code budget}; a row whose search it cannot afford keeps null values and a warning.
     */
    public static TableResult read(String norm, List<SectionLocator.Heading> headings, Set<Integer> pageNumbers,
                                   ParseBudget budget) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>(CELLS_CAPACITY);
        Map<String, CellDetail> details = new LinkedHashMap<>(CELLS_CAPACITY);
        List<ParseWarning> warnings = new ArrayList<>();

        int[] r2 = region(norm, headings, 2);
        int[] r3 = region(norm, headings, 3);
        int[] r4 = region(norm, headings, 4);
        if (r3 == null) {
            int st = firstOf(norm, 0, norm.length(), S3_STARTS);
            if (st >= 0) {
                r3 = new int[] {st, r4 != null && r4[0] > st ? r4[0] : norm.length()};
            }
        }
        if (r2 == null) {
            Matcher m = RegexScan.first(S2_FALLBACK_START, norm, 0, norm.length());
            if (m != null) {
                r2 = new int[] {m.start(), r3 != null && r3[0] > m.start() ? r3[0] : Math.min(norm.length(), m.start() + 4000)};
            }
        }
        if (r4 == null && r3 != null) {
            Matcher m = RegexScan.first(S4_FALLBACK_START, norm, r3[0], norm.length());
            if (m != null) {
                r4 = new int[] {m.start(), Math.min(norm.length(), m.end() + 1500)};
            }
        }

        String s2Format = null;
        if (r2 != null) {
            String text = norm.substring(r2[0], r2[1]);
            boolean is2021 = RegexScan.first(S2_2021_MARK, text, 0, text.length()) != null;
            boolean is2019 = RegexScan.first(S2_2019_MARK, text, 0, text.length()) != null;
            if (is2021 || is2019) {
                s2Format = is2021 && !is2019 ? "2021" : is2019 && !is2021 ? "2019"
                        : text.contains("本年制发") || text.contains("现行有效") ? "2021" : "2019";
                int from = firstOf(norm, r2[0], r2[1], S2_STARTS);
                from = from < 0 ? r2[0] : from;
                readRows(norm, from, r2[1], s2Format.equals("2021") ? S2_ROWS_2021 : S2_ROWS_2019, "二",
                        new StrayPageNumber(norm, pageNumbers), new RowOutput(cells, details, warnings, budget));
            }
        }

        Boolean otherSplit = null;
        if (r3 != null) {
            int s3From = firstOf(norm, r3[0], r3[1], S3_STARTS);
            if (s3From >= 0) {
                Matcher total = RegexScan.first(S3_PROCESSED_TOTAL, norm, s3From, r3[1]);
                int tableEnd = total != null ? total.start() : r3[1];
                otherSplit = RegexScan.first(S3_SPLIT_OTHER, norm, s3From, tableEnd) != null;
                List<RowSpec> rows = otherSplit ? S3_ROWS_2021 : S3_ROWS_2019;
                Map<String, RowFit> fits = readRows(norm, s3From, r3[1], rows, "三", null,
                        new RowOutput(cells, details, warnings, budget));
                resolveWithColumnIdentities(rows, fits, cells, details, warnings, budget);
            }
        }

        boolean s4Found = false;
        if (r4 != null && otherSplit != null) {
            s4Found = readTable4(norm, r4, new RowOutput(cells, details, warnings, budget));
        }
        return new TableResult(cells, details, warnings, s2Format, otherSplit, s4Found);
    }

    private static int firstOf(String norm, int from, int to, List<Pattern> starts) {
        for (Pattern p : starts) {
            Matcher m = RegexScan.first(p, norm, from, to);
            if (m != null) {
                return m.start();
            }
        }
        return -1;
    }

    private static int[] region(String norm, List<SectionLocator.Heading> headings, int number) {
        for (int i = 0; i < headings.size(); i++) {
            SectionLocator.Heading h = headings.get(i);
            if (h.number() == number) {
                int end = i + 1 < headings.size() ? headings.get(i + 1).start() : norm.length();
                return new int[] {h.end(), end};
            }
        }
        return null;
    }

    // ---- table definitions ------------------------------------------------------------------------------------

    private static List<String> keys(String prefix, String... cols) {
        List<String> k = new ArrayList<>();
        for (String c : cols) {
            k.add(prefix + "." + c);
        }
        return k;
    }

    static List<RowSpec> s2Rows2021() {
        return List.of(
                RowSpec.of("规章", anyOf("规章"), keys("s2.rules", "issued", "repealed", "in_force"), "件",
                        Plausibility::issuedRepealedInForce),
                RowSpec.of("行政规范性文件", anyOf("行政规范性文件", "规范性文件"),
                        keys("s2.normative", "issued", "repealed", "in_force"), "件", Plausibility::issuedRepealedInForce),
                RowSpec.of("行政许可", anyOf("行政许可"), keys("s2.licensing", "decisions"), "件", Plausibility::neutral),
                RowSpec.of("行政处罚", anyOf("行政处罚"), keys("s2.penalty", "decisions"), "件", Plausibility::neutral),
                RowSpec.of("行政强制", anyOf("行政强制"), keys("s2.coercion", "decisions"), "件", Plausibility::neutral),
                RowSpec.of("行政事业性收费", anyOf("行政事业性收费", "事业性收费"), keys("s2.fees", "amount"), "万元",
                        Plausibility::neutral));
    }

    static List<RowSpec> s2Rows2019() {
        return List.of(
                RowSpec.of("规章", anyOf("规章"), keys("s2.rules", "made", "published", "public_total"), "件",
                        Plausibility::madePublishedTotal),
                RowSpec.of("规范性文件", anyOf("行政规范性文件", "规范性文件"),
                        keys("s2.normative", "made", "published", "public_total"), "件", Plausibility::madePublishedTotal),
                RowSpec.of("行政许可", anyOf("行政许可"), keys("s2.licensing", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("其他对外管理服务事项", anyOf("其他对外管理服务事项", "对外管理服务事项"),
                        keys("s2.other_services", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("行政处罚", anyOf("行政处罚"), keys("s2.penalty", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("行政强制", anyOf("行政强制"), keys("s2.coercion", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("行政事业性收费", anyOf("行政事业性收费", "事业性收费"), keys("s2.fees", "prev_items", "change"),
                        "件", Plausibility::itemsChange),
                RowSpec.of("政府集中采购", anyOf("政府集中采购", "集中采购"), keys("s2.procurement", "items", "amount"),
                        "万元", Plausibility::procurement));
    }

    static List<RowSpec> s3Rows(boolean otherSplit) {
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
        return RowSpec.of(name, regex, keys("s3." + row, CellKeys.S3_COLUMNS.toArray(new String[0])), "件",
                Plausibility::smallCounts);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /**
     * Reads {@code rows} in order between {@code from} and {@code to}; {@code pages} (table 二 only, else null) lets
     * rows be found by their label variants and a page number between a label and its values be skipped.
     */
    private static Map<String, RowFit> readRows(String norm, int from, int to, List<RowSpec> rows, String table,
                                                StrayPageNumber pages, RowOutput output) {
        Map<String, BigDecimal> cells = output.cells();
        Map<String, CellDetail> details = output.details();
        List<ParseWarning> warnings = output.warnings();
        int[] starts = new int[rows.size()];
        int[] ends = new int[rows.size()];
        int cursor = from;
        for (int i = 0; i < rows.size(); i++) {
            Matcher m = RegexScan.first(rows.get(i).label(), norm, cursor, to);
            if (m != null) {
                starts[i] = m.start();
                ends[i] = m.end();
                cursor = m.end();
            } else {
                starts[i] = -1;
            }
        }
        findReworded(norm, from, to, rows, starts, ends);
        if (pages != null) {
            findVariants(norm, from, to, rows, starts, ends, table, warnings);
        }
        Map<String, RowFit> fits = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowSpec row = rows.get(i);
            if (starts[i] < 0) {
                putNulls(row, cells, details);
                missing.addAll(row.keys());
                continue;
            }
            int end = to;
            for (int j = i + 1; j < rows.size(); j++) {
                if (starts[j] >= 0) {
                    end = starts[j];
                    break;
                }
            }
            output.budget().charge(end - ends[i]);
            List<ValueAtom> atoms = ValueScanner.scan(norm, ends[i], end);
            int valuesFrom = pages != null && atoms.size() > row.keys().size() ? pages.valuesAfter(ends[i], end) : -1;
            List<ValueAtom> rest = valuesFrom < 0 ? List.of() : ValueScanner.scan(norm, valuesFrom, end);
            if (rest.size() == row.keys().size()) {
                atoms = rest;
                warnings.add(new ParseWarning("PARSE.EXTRA_VALUES", "表" + table + "「" + row.name() + "」 标签与数值之间的页码「"
                        + norm.substring(ends[i], valuesFrom).strip() + "」已跳过 / a page number between the row label"
                        + " and its values was skipped", row.keys()));
            }
            RowFit fit = fitRow(row, atoms, output.budget());
            fits.put(row.keys().get(0), fit);
            put(row, fit, cells, details);
            report(table, row, fit, atoms, warnings);
        }
        if (!missing.isEmpty()) {
            warnings.add(new ParseWarning("PARSE.TABLE_TRUNCATED",
                    "表" + table + "缺少行，单元格为空 / table " + table + " rows not found: " + missing.size() + " cells",
                    missing));
        }
        return fits;
    }

    private static final Pattern NAME_DIGIT_ORDINAL = Pattern.compile(" (\\d)\\.");
    private static final Pattern NAME_BRACKET_ORDINAL = Pattern.compile("^（([一二三四五六七八九])）");
    private static final Pattern NAME_HAN_ORDINAL = Pattern.compile("^([一二三四五六七八九])、");

    /**
     * A row whose label is worded beyond the known variants is still found by its printed ordinal ("5.", "（三）",
     * "四、" followed by text) between the rows found before and after it, so its values are not lost.
     */
    private static void findReworded(String norm, int from, int to, List<RowSpec> rows, int[] starts, int[] ends) {
        for (int i = 0; i < rows.size(); i++) {
            if (starts[i] >= 0) {
                continue;
            }
            Pattern ordinal = ordinalOnly(rows.get(i).name());
            if (ordinal == null) {
                continue;
            }
            int lo = previousEnd(i, starts, ends, from);
            int hi = nextStart(i, starts, to);
            Matcher m = ordinal.matcher(norm).region(lo, hi);
            if (m.find()) {
                starts[i] = m.start();
                ends[i] = m.end();
            }
        }
    }

    /**
     * A table 二 row not found by its own label is looked for by its label variants ({@link Table2LabelVariants})
     * between the rows found before and after it; each row found that way is flagged {@code PARSE.LABEL_REWORDED}.
     */
    private static void findVariants(String norm, int from, int to, List<RowSpec> rows, int[] starts, int[] ends,
                                     String table, List<ParseWarning> warnings) {
        for (int i = 0; i < rows.size(); i++) {
            if (starts[i] >= 0) {
                continue;
            }
            int lo = previousEnd(i, starts, ends, from);
            int hi = nextStart(i, starts, to);
            int[] found = Table2LabelVariants.find(rows.get(i), norm, lo, hi);
            if (found != null) {
                starts[i] = found[0];
                ends[i] = found[1];
                String printed = TextNormalizer.squeeze(norm.substring(found[0], found[1]));
                warnings.add(new ParseWarning("PARSE.LABEL_REWORDED", "表" + table + "「" + rows.get(i).name()
                        + "」按改写的标签「" + printed + "」读取 / row label reworded as 「" + printed + "」",
                        rows.get(i).keys()));
            }
        }
    }

    /** The end of the nearest row found before row {@code i}, else {@code from}. */
    private static int previousEnd(int i, int[] starts, int[] ends, int from) {
        for (int j = i - 1; j >= 0; j--) {
            if (starts[j] >= 0) {
                return ends[j];
            }
        }
        return from;
    }

    /** The start of the nearest row found after row {@code i}, else {@code to}. */
    private static int nextStart(int i, int[] starts, int to) {
        for (int j = i + 1; j < starts.length; j++) {
            if (starts[j] >= 0) {
                return starts[j];
            }
        }
        return to;
    }

    private static Pattern ordinalOnly(String name) {
        Matcher d = NAME_DIGIT_ORDINAL.matcher(name);
        if (d.find()) {
            return Pattern.compile("(?<![\\d.])" + d.group(1) + "\\s*[.、．]\\s*(?=[\\u4e00-\\u9fff])");
        }
        Matcher b = NAME_BRACKET_ORDINAL.matcher(name);
        if (b.find()) {
            return Pattern.compile("[(]\\s*" + b.group(1) + "\\s*[)]\\s*(?=[\\u4e00-\\u9fff])");
        }
        Matcher h = NAME_HAN_ORDINAL.matcher(name);
        if (h.find()) {
            return Pattern.compile("(?<![\\u4e00-\\u9fff])" + h.group(1) + "\\s*[、.]\\s*(?=[\\u4e00-\\u9fff])");
        }
        return null;
    }

    private static RowFit fitRow(RowSpec row, List<ValueAtom> printed, ParseBudget budget) {
        int n = row.keys().size();
        List<ValueAtom> atoms = withoutSpareEmptyCells(printed, n);
        boolean s3 = row.keys().get(0).startsWith("s3.");
        if (row.keys().get(0).equals("s2.procurement.items") && !atoms.isEmpty()) {
            String unit = atoms.get(atoms.size() - 1).unit();
            boolean yuan = "元".equals(unit);
            return DigitSplitter.fit(atoms, n, 0, g -> true, v -> Plausibility.procurement(
                    v.size() == 2 && v.get(1) != null && yuan
                            ? List.of(v.get(0) == null ? BigDecimal.ZERO : v.get(0), toWan(v.get(1))) : v), budget);
        }
        return DigitSplitter.fit(atoms, n, s3 ? n : 0, DigitSplitter.LAST_IS_SUM, row.cost(), budget);
    }

    /**
     * More atoms than columns, the spare ones empty cells at either end: the empty cells a merged label or value cell
     * leaves in a flat row (markdown, tab or CSV export), dropped from the start first (they follow a label spanning
     * two columns), then from the end (they follow a value spanning several columns).
     */
    static List<ValueAtom> withoutSpareEmptyCells(List<ValueAtom> atoms, int columns) {
        int from = 0;
        int to = atoms.size();
        while (to - from > columns && isEmptyCell(atoms.get(from))) {
            from++;
        }
        while (to - from > columns && isEmptyCell(atoms.get(to - 1))) {
            to--;
        }
        return from == 0 && to == atoms.size() ? atoms : atoms.subList(from, to);
    }

    private static boolean isEmptyCell(ValueAtom a) {
        return a.blank() && a.raw().isEmpty();
    }

    private static BigDecimal toWan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10000), 10, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static void put(RowSpec row, RowFit fit, Map<String, BigDecimal> cells, Map<String, CellDetail> details) {
        for (int i = 0; i < row.keys().size(); i++) {
            String key = row.keys().get(i);
            BigDecimal v = fit.values().get(i);
            String raw = fit.raws().get(i);
            String unit = fit.units().get(i) != null ? fit.units().get(i) : row.unit();
            if (v != null && isAmount(key)) {
                if ("元".equals(fit.units().get(i))) {
                    v = toWan(v);
                }
                unit = fit.units().get(i) != null ? fit.units().get(i) : row.unit();
            }
            if (raw != null && fit.units().get(i) != null && !raw.endsWith(fit.units().get(i))) {
                raw = raw + fit.units().get(i);
            }
            cells.put(key, v == null ? null : normalise(v));
            details.put(key, new CellDetail(raw, unit));
        }
    }

    private static boolean isAmount(String key) {
        return key.equals("s2.fees.amount") || key.equals("s2.procurement.amount");
    }

    static BigDecimal normalise(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static void putNulls(RowSpec row, Map<String, BigDecimal> cells, Map<String, CellDetail> details) {
        for (String key : row.keys()) {
            cells.put(key, null);
            details.put(key, new CellDetail(null, row.unit()));
        }
    }

    private static void report(String table, RowSpec row, RowFit fit, List<ValueAtom> printed,
                               List<ParseWarning> warnings) {
        String where = "表" + table + "「" + row.name() + "」";
        switch (fit.status()) {
            case AMBIGUOUS -> {
                if (!row.keys().get(0).startsWith("s3.")) {
                    warnings.add(ambiguous(where, row, fit));
                }
            }
            case INCONSISTENT -> warnings.add(new ParseWarning("PARSE.AMBIGUOUS_DIGITS", where
                    + " 数字串无法按合计关系拆分，取最可能的拆分 " + fit.values()
                    + " / digit run splits with no consistent total", row.keys()));
            case SHORT -> warnings.add(new ParseWarning("PARSE.TABLE_TRUNCATED", where + " 只读到部分数值 "
                    + fit.raws() + " / fewer values than columns", row.keys()));
            case EXTRA -> warnings.add(new ParseWarning("PARSE.EXTRA_VALUES", where + " 数值多于列数，取前 "
                    + row.keys().size() + " 个 / more values than columns", row.keys()));
            case EMPTY -> warnings.add(new ParseWarning("PARSE.TABLE_TRUNCATED", where + " 找到行标签但没有数值"
                    + " / row label without values", row.keys()));
            case TOO_LONG -> warnings.add(new ParseWarning("PARSE.DIGITS_UNSPLIT", where + " 数字位数超出本行各列所能容纳，未读取，"
                    + "原文「" + printedText(printed) + "」/ more digits than the row's cells can hold, left unread",
                    row.keys()));
            case OVER_BUDGET -> warnings.add(new ParseWarning("PARSE.DIGITS_UNSPLIT", where + " 连写数字可拆分方式过多或超出工作量预算，未拆分，"
                    + "原文「" + printedText(printed) + "」/ too many possible splits, or the search ran past its work"
                    + " budget: left unsplit",
                    row.keys()));
            default -> {
            }
        }
    }

    /** The row's values as printed, shortened to {@link #PRINTED_MAX} characters for a warning message. */
    static String printedText(List<ValueAtom> printed) {
        StringBuilder b = new StringBuilder();
        for (ValueAtom a : printed) {
            if (b.length() > PRINTED_MAX) {
                break;
            }
            b.append(b.isEmpty() ? "" : " ").append(a.blank() ? "/" : a.raw());
        }
        return b.length() > PRINTED_MAX ? b.substring(0, PRINTED_MAX) + "…（共 " + digitsIn(printed) + " 位数字）" : b.toString();
    }

    private static final int PRINTED_MAX = 80;

    private static long digitsIn(List<ValueAtom> printed) {
        long n = 0;
        for (ValueAtom a : printed) {
            n += a.blank() ? 0 : a.digitCount();
        }
        return n;
    }

    private static ParseWarning ambiguous(String where, RowSpec row, RowFit fit) {
        StringBuilder alts = new StringBuilder();
        for (int i = 0; i < Math.min(4, fit.alternatives().size()); i++) {
            alts.append(i == 0 ? "" : " | ").append(fit.alternatives().get(i));
        }
        return new ParseWarning("PARSE.AMBIGUOUS_DIGITS", where + " 连写数字有多种拆分，取最可能的 "
                + fit.values() + "（候选 " + alts + "）/ ambiguous digit run, chose the most plausible split",
                row.keys());
    }

    /**
     * Ambiguous rows of table 三: choose the combination of splits that makes the most column identities hold;
     * rows whose split still differs between equally good combinations are reported as ambiguous.
     */
    private static void resolveWithColumnIdentities(List<RowSpec> rows, Map<String, RowFit> fits,
                                                    Map<String, BigDecimal> cells, Map<String, CellDetail> details,
                                                    List<ParseWarning> warnings, ParseBudget budget) {
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
                warnings.add(ambiguous("表三「" + row.name() + "」", row, fits.get(row.keys().get(0))));
            }
            return;
        }
        budget.charge(combinations * rows.size()); // only the search actually made
        int[] choice = new int[ambiguous.size()];
        int bestScore = -1;
        List<int[]> best = new ArrayList<>();
        S3Grid trial = new S3Grid(rows, cells);
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
            put(row, resolved, cells, details);
            if (stillPossible.size() > 1) {
                warnings.add(ambiguous("表三「" + row.name() + "」", row, resolved));
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

    private static final Set<String> NOT_OUTCOMES = Set.of(
            "new", "carried_in", "processed_total", "carried_out");

    /**
     * Table 三 as a rows × columns grid of trial values (null = blank or missing) for counting the column identities
     * that hold: 一 + 二 = （七）+ 四 and the outcome rows adding up to （七）总计. It exists because that count runs
     * for every combination of ambiguous splits; with small integers only it runs on longs.
     */
    private static final class S3Grid {
        private static final long SMALL = 1_000_000_000_000_000L;

        private final BigDecimal[][] values;
        private final long[][] longs;
        private final boolean[] outcome;
        private final int newRow;
        private final int carriedIn;
        private final int processedTotal;
        private final int carriedOut;

        S3Grid(List<RowSpec> rows, Map<String, BigDecimal> cells) {
            int columns = CellKeys.S3_COLUMNS.size();
            values = new BigDecimal[rows.size()][columns];
            longs = new long[rows.size()][columns];
            outcome = new boolean[rows.size()];
            int[] special = {-1, -1, -1, -1};
            List<String> specialRows = List.of("new", "carried_in", "processed_total", "carried_out");
            for (int r = 0; r < rows.size(); r++) {
                String key = rows.get(r).keys().get(0);
                String row = key.substring("s3.".length(), key.length() - CellKeys.S3_COLUMNS.get(0).length() - 1);
                outcome[r] = !NOT_OUTCOMES.contains(row);
                if (specialRows.contains(row)) {
                    special[specialRows.indexOf(row)] = r;
                }
                for (int c = 0; c < columns; c++) {
                    values[r][c] = cells.get(rows.get(r).keys().get(c));
                }
            }
            newRow = special[0];
            carriedIn = special[1];
            processedTotal = special[2];
            carriedOut = special[3];
        }

        /** True when every value now in the grid and in every alternative is an integer well inside a long. */
        boolean allSmallIntegers(List<List<List<BigDecimal>>> alternatives) {
            for (int r = 0; r < values.length; r++) {
                for (int c = 0; c < values[r].length; c++) {
                    if (!small(values[r][c])) {
                        return false;
                    }
                    longs[r][c] = values[r][c] == null ? 0 : values[r][c].longValueExact();
                }
            }
            for (List<List<BigDecimal>> rowAlternatives : alternatives) {
                for (List<BigDecimal> alternative : rowAlternatives) {
                    for (BigDecimal v : alternative) {
                        if (!small(v)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        private static boolean small(BigDecimal v) {
            if (v == null) {
                return true;
            }
            try {
                long l = v.longValueExact();
                return l > -SMALL && l < SMALL;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        void set(int row, List<BigDecimal> rowValues, boolean onLongs) {
            for (int c = 0; c < rowValues.size(); c++) {
                BigDecimal v = rowValues.get(c);
                values[row][c] = v;
                if (onLongs) {
                    longs[row][c] = v == null ? 0 : v.longValueExact();
                }
            }
        }

        int identitiesHolding() {
            int holding = 0;
            for (int c = 0; c < CellKeys.S3_COLUMNS.size(); c++) {
                BigDecimal in = sum(at(newRow, c), at(carriedIn, c));
                BigDecimal out = sum(at(processedTotal, c), at(carriedOut, c));
                if (in.compareTo(out) == 0) {
                    holding++;
                }
                BigDecimal outcomes = BigDecimal.ZERO;
                for (int r = 0; r < values.length; r++) {
                    if (outcome[r] && values[r][c] != null) {
                        outcomes = outcomes.add(values[r][c]);
                    }
                }
                if (outcomes.compareTo(sum(at(processedTotal, c), null)) == 0) {
                    holding++;
                }
            }
            return holding;
        }

        /** {@link #identitiesHolding()} on longs (blanks as 0), for grids of small integers. */
        int identitiesHoldingOnLongs() {
            int holding = 0;
            for (int c = 0; c < CellKeys.S3_COLUMNS.size(); c++) {
                long total = longAt(processedTotal, c);
                if (longAt(newRow, c) + longAt(carriedIn, c) == total + longAt(carriedOut, c)) {
                    holding++;
                }
                long outcomes = 0;
                for (int r = 0; r < longs.length; r++) {
                    if (outcome[r]) {
                        outcomes += longs[r][c];
                    }
                }
                if (outcomes == total) {
                    holding++;
                }
            }
            return holding;
        }

        private BigDecimal at(int row, int column) {
            return row < 0 ? null : values[row][column];
        }

        private long longAt(int row, int column) {
            return row < 0 ? 0 : longs[row][column];
        }

        private static BigDecimal sum(BigDecimal a, BigDecimal b) {
            BigDecimal s = BigDecimal.ZERO;
            if (a != null) {
                s = s.add(a);
            }
            if (b != null) {
                s = s.add(b);
            }
            return s;
        }
    }

    /** The header block of table 四 ends where the first value (digit or blank cell) appears. */
    private static boolean hasValueBetween(String norm, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = norm.charAt(i);
            if (Character.isDigit(c) || c == DocumentText.BLANK) {
                return true;
            }
        }
        return false;
    }

    private static boolean readTable4(String norm, int[] r4, RowOutput output) {
        Map<String, BigDecimal> cells = output.cells();
        Map<String, CellDetail> details = output.details();
        List<ParseWarning> warnings = output.warnings();
        Matcher header = RegexScan.first(S4_HEADER_START, norm, r4[0], r4[1]);
        int headerFrom = header != null ? header.start() : r4[0];
        RegexScan words = RegexScan.of(S4_HEADER_WORD, norm, headerFrom, r4[1]);
        Matcher m = words.matcher();
        int valuesFrom = -1;
        while (words.find()) {
            if (valuesFrom >= 0 && hasValueBetween(norm, valuesFrom, m.start())) {
                break;
            }
            valuesFrom = m.end();
        }
        RowSpec row = S4_ROW;
        List<String> keys = row.keys();
        if (valuesFrom < 0) {
            putNulls(row, cells, details);
            warnings.add(new ParseWarning("PARSE.TABLE_TRUNCATED", "表四未找到 / table 四 not found", keys));
            return false;
        }
        output.budget().charge(r4[1] - valuesFrom);
        List<ValueAtom> atoms = ValueScanner.scan(norm, valuesFrom, r4[1]);
        RowFit fit = DigitSplitter.fit(atoms, keys.size(), CellKeys.S4_COLUMNS.size(), DigitSplitter.LAST_IS_SUM,
                Plausibility::smallCounts, output.budget());
        put(row, fit, cells, details);
        report("四", row, fit, atoms, warnings);
        return fit.status() != RowFit.Status.EMPTY;
    }

    /** Where rows read are written (cells, their printed details, warnings) and the budget their searches draw on. */
    private record RowOutput(Map<String, BigDecimal> cells, Map<String, CellDetail> details,
                             List<ParseWarning> warnings, ParseBudget budget) {
    }
}
