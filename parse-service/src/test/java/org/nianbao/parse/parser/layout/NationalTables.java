package org.nianbao.parse.parser.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.parse.parser.CellKeys;
import org.nianbao.parse.parser.docgen.ReportModel.GridCell;
import org.nianbao.parse.parser.docgen.ReportModel.GridTable;

/**
 * The three national tables (二, 三, 四) of a 2019 or 2021 format report as the national template prints them —
 * merged header cells, the row labels of parse-service/DOMAIN.md §4 — filled from a report's hand-read cells; it exists so every
 * known report can be re-laid out in any tool's table layout with its cells still known. A {@link ValueStyle}
 * prints each value cell.
 */
final class NationalTables {

    private static final String[][] WITHHELD = {{"（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
        "8.属于行政查询事项"},
        {"（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"},
        {"（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息"}};
    private static final String[] OTHER_2021 = {"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"};

    private NationalTables() {
    }

    /** Tables 二, 三 and 四 of {@code format} ("2019" or "2021"), values from {@code cells} (key → number or null). */
    static List<GridTable> of(String format, JsonNode cells, ValueStyle style) {
        Filler f = new Filler(cells, style);
        return List.of(format.equals("2021") ? table2of2021(f) : table2of2019(f), table3(format.equals("2021"), f),
                table4(f));
    }

    /** Prints each value cell in turn; the running index lets a style vary blanks and digits from cell to cell. */
    static final class Filler {
        private final JsonNode cells;
        private final ValueStyle style;
        private int index;

        Filler(JsonNode cells, ValueStyle style) {
            this.cells = cells;
            this.style = style;
        }

        GridCell cell(String key, int colSpan) {
            JsonNode v = cells.get(key);
            BigDecimal value = v == null || v.isNull() ? null : v.decimalValue();
            return new GridCell(style.print(value, index++), colSpan, 1);
        }

        List<GridCell> row(String prefix, String... cols) {
            List<GridCell> row = new ArrayList<>();
            for (String c : cols) {
                row.add(cell(prefix + "." + c, 1));
            }
            return row;
        }
    }

    private static GridTable table2of2021(Filler f) {
        List<List<GridCell>> rows = new ArrayList<>();
        rows.add(List.of(new GridCell("第二十条第（一）项", 4, 1)));
        rows.add(GridCell.row("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"));
        rows.add(labelled(List.of(GridCell.of("规章")), f.row("s2.rules", "issued", "repealed", "in_force")));
        rows.add(labelled(List.of(GridCell.of("行政规范性文件")),
                f.row("s2.normative", "issued", "repealed", "in_force")));
        rows.add(List.of(new GridCell("第二十条第（五）项", 4, 1)));
        rows.add(List.of(GridCell.of("信息内容"), new GridCell("本年处理决定数量", 3, 1)));
        rows.add(List.of(GridCell.of("行政许可"), f.cell("s2.licensing.decisions", 3)));
        rows.add(List.of(new GridCell("第二十条第（六）项", 4, 1)));
        rows.add(List.of(GridCell.of("信息内容"), new GridCell("本年处理决定数量", 3, 1)));
        rows.add(List.of(GridCell.of("行政处罚"), f.cell("s2.penalty.decisions", 3)));
        rows.add(List.of(GridCell.of("行政强制"), f.cell("s2.coercion.decisions", 3)));
        rows.add(List.of(new GridCell("第二十条第（八）项", 4, 1)));
        rows.add(List.of(GridCell.of("信息内容"), new GridCell("本年收费金额（单位：万元）", 3, 1)));
        rows.add(List.of(GridCell.of("行政事业性收费"), f.cell("s2.fees.amount", 3)));
        return new GridTable(rows, 0, null);
    }

    private static GridTable table2of2019(Filler f) {
        List<List<GridCell>> rows = new ArrayList<>();
        rows.add(List.of(new GridCell("第二十条第（一）项", 4, 1)));
        rows.add(GridCell.row("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"));
        rows.add(labelled(List.of(GridCell.of("规章")), f.row("s2.rules", "made", "published", "public_total")));
        rows.add(labelled(List.of(GridCell.of("规范性文件")), f.row("s2.normative", "made", "published", "public_total")));
        rows.add(List.of(new GridCell("第二十条第（五）项", 4, 1)));
        rows.add(GridCell.row("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"));
        rows.add(labelled(List.of(GridCell.of("行政许可")), f.row("s2.licensing", "prev_items", "change", "decisions")));
        rows.add(labelled(List.of(GridCell.of("其他对外管理服务事项")),
                f.row("s2.other_services", "prev_items", "change", "decisions")));
        rows.add(List.of(new GridCell("第二十条第（六）项", 4, 1)));
        rows.add(GridCell.row("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"));
        rows.add(labelled(List.of(GridCell.of("行政处罚")), f.row("s2.penalty", "prev_items", "change", "decisions")));
        rows.add(labelled(List.of(GridCell.of("行政强制")), f.row("s2.coercion", "prev_items", "change", "decisions")));
        rows.add(List.of(new GridCell("第二十条第（八）项", 4, 1)));
        rows.add(List.of(GridCell.of("信息内容"), GridCell.of("上一年项目数量"), new GridCell("本年增/减", 2, 1)));
        List<GridCell> fees = new ArrayList<>(List.of(GridCell.of("行政事业性收费"), f.cell("s2.fees.prev_items", 1)));
        fees.add(f.cell("s2.fees.change", 2));
        rows.add(fees);
        rows.add(List.of(new GridCell("第二十条第（九）项", 4, 1)));
        rows.add(List.of(GridCell.of("信息内容"), GridCell.of("采购项目数量"), new GridCell("采购总金额", 2, 1)));
        List<GridCell> buy = new ArrayList<>(List.of(GridCell.of("政府集中采购"), f.cell("s2.procurement.items", 1)));
        buy.add(f.cell("s2.procurement.amount", 2));
        rows.add(buy);
        return new GridTable(rows, 0, null);
    }

    /** Table 三: three label columns (一、/三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) and seven value columns. */
    private static GridTable table3(boolean otherSplit, Filler f) {
        List<List<GridCell>> rows = new ArrayList<>();
        rows.add(List.of(new GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                new GridCell("申请人情况", 7, 1)));
        rows.add(List.of(new GridCell("自然人", 1, 2), new GridCell("法人或其他组织", 5, 1), new GridCell("总计", 1, 2)));
        rows.add(GridCell.row("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"));
        String[] cols = CellKeys.S3_COLUMNS.toArray(new String[0]);
        rows.add(labelled(List.of(new GridCell("一、本年新收政府信息公开申请数量", 3, 1)), f.row("s3.new", cols)));
        rows.add(labelled(List.of(new GridCell("二、上年结转政府信息公开申请数量", 3, 1)), f.row("s3.carried_in", cols)));
        int resultRows = 2 + 8 + 3 + 5 + (otherSplit ? 3 : 1) + 1;
        rows.add(labelled(List.of(new GridCell("三、本年度办理结果", 1, resultRows), new GridCell("（一）予以公开", 2, 1)),
                f.row("s3.granted", cols)));
        rows.add(labelled(List.of(new GridCell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2, 1)),
                f.row("s3.partial", cols)));
        String[] prefixes = {"withheld_", "unavailable_", "rejected_"};
        for (int g = 0; g < WITHHELD.length; g++) {
            group(rows, WITHHELD[g], "s3." + prefixes[g], f, cols);
        }
        if (otherSplit) {
            group(rows, OTHER_2021, "s3.other_", f, cols);
        } else {
            rows.add(labelled(List.of(new GridCell("（六）其他处理", 2, 1)), f.row("s3.other", cols)));
        }
        rows.add(labelled(List.of(new GridCell("（七）总计", 2, 1)), f.row("s3.processed_total", cols)));
        rows.add(labelled(List.of(new GridCell("四、结转下年度继续办理", 3, 1)), f.row("s3.carried_out", cols)));
        return new GridTable(rows, 3, null);
    }

    private static void group(List<List<GridCell>> rows, String[] labels, String keyPrefix, Filler f, String[] cols) {
        for (int i = 1; i < labels.length; i++) {
            List<GridCell> label = new ArrayList<>();
            if (i == 1) {
                label.add(new GridCell(labels[0], 1, labels.length - 1));
            }
            label.add(GridCell.of(labels[i]));
            rows.add(labelled(label, f.row(keyPrefix + i, cols)));
        }
    }

    /** Table 四: 行政复议 (5 columns) and 行政诉讼 (2 × 5 columns) over one row of values. */
    private static GridTable table4(Filler f) {
        List<List<GridCell>> rows = GridCell.table4Header();
        List<GridCell> data = new ArrayList<>();
        for (String g : CellKeys.S4_GROUPS) {
            data.addAll(f.row("s4." + g, CellKeys.S4_COLUMNS.toArray(new String[0])));
        }
        rows.add(data);
        return new GridTable(rows, 3, null);
    }

    private static List<GridCell> labelled(List<GridCell> label, List<GridCell> values) {
        List<GridCell> row = new ArrayList<>(label);
        row.addAll(values);
        return row;
    }

}
