package org.nianbao.parse.parser.tables;

import static org.nianbao.parse.parser.text.LabelPattern.anyOf;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.nianbao.parse.parser.text.RegexScan;

/**
 * Reads table 二 (主动公开): tells its format era from the printed columns (本年制发 → 2021, 本年新制作 → 2019) and
 * reads its rows, finding reworded labels by their variants and skipping a page number before a row's values; it
 * exists because table 二 has no arithmetic to check and so its own ways of finding rows.
 */
public final class Table2Reader {

    private static final Pattern MARK_2021 = Pattern.compile(
            anyOf("本年制发", "本年废止", "现行有效件数", "本年收费金额"));
    private static final Pattern MARK_2019 = Pattern.compile(
            anyOf("本年新制作", "本年新公开", "对外公开总数", "上一年项目数", "采购项目数", "采购总金额"));
    /** Where the table begins, most specific first: its printed header beats a narrative sentence using row words. */
    private static final List<Pattern> STARTS = List.of(Pattern.compile(anyOf("第二十条")),
            Pattern.compile(anyOf("信息内容")), Pattern.compile(anyOf("本年制发", "本年新制作")));

    private static final List<RowSpec> ROWS_2021 = rows2021();
    private static final List<RowSpec> ROWS_2019 = rows2019();

    private final TableAccumulator acc;

    Table2Reader(TableAccumulator acc) {
        this.acc = acc;
    }

    /**
     * Reads table 二 inside {@code span}; {@code pageNumbers} are the numbers of the page-number lines the reader
     * dropped from the text.
     *
     * @return "2021" or "2019" for the printed columns, null when the span holds neither
     */
    String read(TableSpan span, Set<Integer> pageNumbers) {
        String text = span.norm().substring(span.from(), span.to());
        boolean is2021 = RegexScan.first(MARK_2021, text, 0, text.length()) != null;
        boolean is2019 = RegexScan.first(MARK_2019, text, 0, text.length()) != null;
        if (!is2021 && !is2019) {
            return null;
        }
        String format = is2021 && !is2019 ? "2021" : is2019 && !is2021 ? "2019"
                : text.contains("本年制发") || text.contains("现行有效") ? "2021" : "2019";
        int from = span.firstOf(STARTS);
        new TableRowsReader(acc).read(from < 0 ? span : span.from(from), "二",
                format.equals("2021") ? ROWS_2021 : ROWS_2019, new StrayPageNumber(span.norm(), pageNumbers));
        return format;
    }

    public static List<RowSpec> rows2021() {
        return List.of(
                RowSpec.of("规章", anyOf("规章"), CellKeys.ofRow("s2.rules", "issued", "repealed", "in_force"), "件",
                        Plausibility::issuedRepealedInForce),
                RowSpec.of("行政规范性文件", anyOf("行政规范性文件", "规范性文件"),
                        CellKeys.ofRow("s2.normative", "issued", "repealed", "in_force"), "件", Plausibility::issuedRepealedInForce),
                RowSpec.of("行政许可", anyOf("行政许可"), CellKeys.ofRow("s2.licensing", "decisions"), "件", Plausibility::neutral),
                RowSpec.of("行政处罚", anyOf("行政处罚"), CellKeys.ofRow("s2.penalty", "decisions"), "件", Plausibility::neutral),
                RowSpec.of("行政强制", anyOf("行政强制"), CellKeys.ofRow("s2.coercion", "decisions"), "件", Plausibility::neutral),
                RowSpec.of("行政事业性收费", anyOf("行政事业性收费", "事业性收费"), CellKeys.ofRow("s2.fees", "amount"), "万元",
                        Plausibility::neutral));
    }

    public static List<RowSpec> rows2019() {
        return List.of(
                RowSpec.of("规章", anyOf("规章"), CellKeys.ofRow("s2.rules", "made", "published", "public_total"), "件",
                        Plausibility::madePublishedTotal),
                RowSpec.of("规范性文件", anyOf("行政规范性文件", "规范性文件"),
                        CellKeys.ofRow("s2.normative", "made", "published", "public_total"), "件", Plausibility::madePublishedTotal),
                RowSpec.of("行政许可", anyOf("行政许可"), CellKeys.ofRow("s2.licensing", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("其他对外管理服务事项", anyOf("其他对外管理服务事项", "对外管理服务事项"),
                        CellKeys.ofRow("s2.other_services", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("行政处罚", anyOf("行政处罚"), CellKeys.ofRow("s2.penalty", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("行政强制", anyOf("行政强制"), CellKeys.ofRow("s2.coercion", "prev_items", "change", "decisions"), "件",
                        Plausibility::itemsChangeDecisions),
                RowSpec.of("行政事业性收费", anyOf("行政事业性收费", "事业性收费"), CellKeys.ofRow("s2.fees", "prev_items", "change"),
                        "件", Plausibility::itemsChange),
                RowSpec.of("政府集中采购", anyOf("政府集中采购", "集中采购"), CellKeys.ofRow("s2.procurement", "items", "amount"),
                        "万元", Plausibility::procurement));
    }
}
