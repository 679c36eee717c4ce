package org.nianbao.search.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical cell keys of parse-service/DOMAIN.md §4 with their Chinese labels, the one list from which the index
 * mapping check, the CSV header and the report page's tables are all derived.
 */
public final class CellCatalogue {

    /** Applicant columns of table 三, in printed order: key suffix → label. */
    public static final List<String> S3_COLUMNS = List.of("natural", "commercial", "research", "social", "legal", "other", "total");
    private static final List<String> S3_COLUMN_LABELS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");

    private static final List<String> S4_COLUMNS = List.of("upheld", "corrected", "other", "pending", "total");
    private static final List<String> S4_COLUMN_LABELS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private static final List<String[]> S3_ROWS_HEAD = List.of(
            new String[] {"new", "一、本年新收政府信息公开申请数量"},
            new String[] {"carried_in", "二、上年结转政府信息公开申请数量"},
            new String[] {"granted", "三、（一）予以公开"},
            new String[] {"partial", "三、（二）部分公开"},
            new String[] {"withheld_1", "（三）不予公开 1.属于国家秘密"},
            new String[] {"withheld_2", "（三）不予公开 2.其他法律行政法规禁止公开"},
            new String[] {"withheld_3", "（三）不予公开 3.危及“三安全一稳定”"},
            new String[] {"withheld_4", "（三）不予公开 4.保护第三方合法权益"},
            new String[] {"withheld_5", "（三）不予公开 5.属于三类内部事务信息"},
            new String[] {"withheld_6", "（三）不予公开 6.属于四类过程性信息"},
            new String[] {"withheld_7", "（三）不予公开 7.属于行政执法案卷"},
            new String[] {"withheld_8", "（三）不予公开 8.属于行政查询事项"},
            new String[] {"unavailable_1", "（四）无法提供 1.本机关不掌握相关政府信息"},
            new String[] {"unavailable_2", "（四）无法提供 2.没有现成信息需要另行制作"},
            new String[] {"unavailable_3", "（四）无法提供 3.补正后申请内容仍不明确"},
            new String[] {"rejected_1", "（五）不予处理 1.信访举报投诉类申请"},
            new String[] {"rejected_2", "（五）不予处理 2.重复申请"},
            new String[] {"rejected_3", "（五）不予处理 3.要求提供公开出版物"},
            new String[] {"rejected_4", "（五）不予处理 4.无正当理由大量反复申请"},
            new String[] {"rejected_5", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"});
    private static final List<String[]> S3_ROWS_OTHER_2021 = List.of(
            new String[] {"other_1", "（六）其他处理 1.申请人无正当理由逾期不补正"},
            new String[] {"other_2", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用"},
            new String[] {"other_3", "（六）其他处理 3.其他"});
    private static final List<String[]> S3_ROWS_OTHER_2019 = List.<String[]>of(new String[] {"other", "（六）其他处理"});
    private static final List<String[]> S3_ROWS_TAIL = List.of(
            new String[] {"processed_total", "（七）总计"},
            new String[] {"carried_out", "四、结转下年度继续办理"});

    private static final List<CellTable> TABLES_2021 = List.of(
            new CellTable("二", "第二十条第（一）项", List.of("本年制发件数", "本年废止件数", "现行有效件数"), List.of(
                    row("规章", "s2.rules.issued", "s2.rules.repealed", "s2.rules.in_force"),
                    row("行政规范性文件", "s2.normative.issued", "s2.normative.repealed", "s2.normative.in_force"))),
            new CellTable("二", "第二十条第（五）项", List.of("本年处理决定数量"), List.of(
                    row("行政许可", "s2.licensing.decisions"))),
            new CellTable("二", "第二十条第（六）项", List.of("本年处理决定数量"), List.of(
                    row("行政处罚", "s2.penalty.decisions"),
                    row("行政强制", "s2.coercion.decisions"))),
            new CellTable("二", "第二十条第（八）项", List.of("本年收费金额（万元）"), List.of(
                    row("行政事业性收费", "s2.fees.amount"))),
            applicationsTable(S3_ROWS_OTHER_2021),
            reviewTable());

    private static final List<CellTable> TABLES_2019 = List.of(
            new CellTable("二", "第二十条第（一）项", List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"), List.of(
                    row("规章", "s2.rules.made", "s2.rules.published", "s2.rules.public_total"),
                    row("规范性文件", "s2.normative.made", "s2.normative.published", "s2.normative.public_total"))),
            new CellTable("二", "第二十条第（五）项", List.of("上一年项目数量", "本年增/减", "处理决定数量"), List.of(
                    row("行政许可", "s2.licensing.prev_items", "s2.licensing.change", "s2.licensing.decisions"),
                    row("其他对外管理服务事项", "s2.other_services.prev_items", "s2.other_services.change",
                            "s2.other_services.decisions"))),
            new CellTable("二", "第二十条第（六）项", List.of("上一年项目数量", "本年增/减", "处理决定数量"), List.of(
                    row("行政处罚", "s2.penalty.prev_items", "s2.penalty.change", "s2.penalty.decisions"),
                    row("行政强制", "s2.coercion.prev_items", "s2.coercion.change", "s2.coercion.decisions"))),
            new CellTable("二", "第二十条第（八）项", List.of("上一年项目数量", "本年增/减"), List.of(
                    row("行政事业性收费", "s2.fees.prev_items", "s2.fees.change"))),
            new CellTable("二", "第二十条第（九）项", List.of("采购项目数量", "采购总金额（万元）"), List.of(
                    row("政府集中采购", "s2.procurement.items", "s2.procurement.amount"))),
            applicationsTable(S3_ROWS_OTHER_2019),
            reviewTable());

    private static final List<String> ALL_KEYS;
    private static final Map<String, String> LABELS;

    static {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (List<CellTable> tables : List.of(TABLES_2021, TABLES_2019)) {
            for (CellTable table : tables) {
                for (CellRow row : table.rows()) {
                    for (int i = 0; i < row.keys().size(); i++) {
                        String key = row.keys().get(i);
                        keys.add(key);
                        labels.putIfAbsent(key, row.label() + " · " + table.columns().get(i));
                    }
                }
            }
        }
        ALL_KEYS = List.copyOf(keys);
        LABELS = Map.copyOf(labels);
    }

    private CellCatalogue() {
    }

    /** Every canonical key of both national formats (2021 first, then the 2019-only keys), without duplicates. */
    public static List<String> allKeys() {
        return ALL_KEYS;
    }

    /** The tables a report of this format prints; pre-2019 and unknown formats have none. */
    public static List<CellTable> tablesFor(String formatVersion) {
        if ("2021".equals(formatVersion)) {
            return TABLES_2021;
        }
        if ("2019".equals(formatVersion)) {
            return TABLES_2019;
        }
        return List.of();
    }

    /** "row · column" in Chinese, e.g. "三、（一）予以公开 · 自然人". */
    public static Optional<String> label(String key) {
        return Optional.ofNullable(LABELS.get(key));
    }

    private static CellRow row(String label, String... keys) {
        return new CellRow(label, List.of(keys));
    }

    private static CellTable applicationsTable(List<String[]> otherRows) {
        List<String[]> rows = new ArrayList<>(S3_ROWS_HEAD);
        rows.addAll(otherRows);
        rows.addAll(S3_ROWS_TAIL);
        List<CellRow> cellRows = rows.stream()
                .map(r -> new CellRow(r[1], S3_COLUMNS.stream().map(c -> "s3." + r[0] + "." + c).toList()))
                .toList();
        return new CellTable("三", "收到和处理政府信息公开申请情况", S3_COLUMN_LABELS, cellRows);
    }

    private static CellTable reviewTable() {
        List<String[]> groups = List.of(
                new String[] {"review", "行政复议"},
                new String[] {"suit_direct", "行政诉讼 · 未经复议直接起诉"},
                new String[] {"suit_after_review", "行政诉讼 · 复议后起诉"});
        List<CellRow> rows = groups.stream()
                .map(g -> new CellRow(g[1], S4_COLUMNS.stream().map(c -> "s4." + g[0] + "." + c).toList()))
                .toList();
        return new CellTable("四", "政府信息公开行政复议、行政诉讼情况", S4_COLUMN_LABELS, rows);
    }
}
