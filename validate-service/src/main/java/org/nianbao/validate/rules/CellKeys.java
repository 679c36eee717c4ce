package org.nianbao.validate.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The canonical cell keys of parse-service/DOMAIN.md §4 per format, with the printed labels messages need. */
public final class CellKeys {

    public static final List<String> S3_APPLICANT_COLUMNS =
            List.of("natural", "commercial", "research", "social", "legal", "other");
    public static final List<String> S3_COLUMNS =
            List.of("natural", "commercial", "research", "social", "legal", "other", "total");
    public static final List<String> S4_GROUPS = List.of("review", "suit_direct", "suit_after_review");
    public static final List<String> S4_PARTS = List.of("upheld", "corrected", "other", "pending");

    private static final List<String> OUTCOME_HEAD = List.of("granted", "partial",
            "withheld_1", "withheld_2", "withheld_3", "withheld_4", "withheld_5", "withheld_6", "withheld_7",
            "withheld_8", "unavailable_1", "unavailable_2", "unavailable_3",
            "rejected_1", "rejected_2", "rejected_3", "rejected_4", "rejected_5");

    private static final Map<String, String> COLUMN_LABELS = Map.of(
            "natural", "自然人", "commercial", "商业企业", "research", "科研机构", "social", "社会公益组织",
            "legal", "法律服务机构", "other", "其他", "total", "总计");

    private static final Map<String, String> ROW_LABELS = new LinkedHashMap<>();

    static {
        ROW_LABELS.put("new", "一、本年新收申请");
        ROW_LABELS.put("carried_in", "二、上年结转申请");
        ROW_LABELS.put("granted", "三、（一）予以公开");
        ROW_LABELS.put("partial", "三、（二）部分公开");
        for (int i = 1; i <= 8; i++) {
            ROW_LABELS.put("withheld_" + i, "三、（三）不予公开 第" + i + "项");
        }
        for (int i = 1; i <= 3; i++) {
            ROW_LABELS.put("unavailable_" + i, "三、（四）无法提供 第" + i + "项");
        }
        for (int i = 1; i <= 5; i++) {
            ROW_LABELS.put("rejected_" + i, "三、（五）不予处理 第" + i + "项");
        }
        ROW_LABELS.put("other", "三、（六）其他处理");
        for (int i = 1; i <= 3; i++) {
            ROW_LABELS.put("other_" + i, "三、（六）其他处理 第" + i + "项");
        }
        ROW_LABELS.put("processed_total", "三、（七）总计");
        ROW_LABELS.put("carried_out", "四、结转下年度继续办理");
    }

    private static final Map<String, String> S4_LABELS = Map.of(
            "review", "行政复议", "suit_direct", "行政诉讼（未经复议直接起诉）",
            "suit_after_review", "行政诉讼（复议后起诉）");

    private CellKeys() {
    }

    public static String s3(String row, String column) {
        return "s3." + row + "." + column;
    }

    public static String s4(String group, String part) {
        return "s4." + group + "." + part;
    }

    public static String columnLabel(String column) {
        return COLUMN_LABELS.getOrDefault(column, column);
    }

    public static String rowLabel(String row) {
        return ROW_LABELS.getOrDefault(row, row);
    }

    public static String groupLabel(String group) {
        return S4_LABELS.getOrDefault(group, group);
    }

    /** Outcome rows (granted … other) in the row set the report actually prints: single （六） or three sub-rows. */
    public static List<String> outcomeRows(ParsedReportView r) {
        List<String> rows = new ArrayList<>(OUTCOME_HEAD);
        boolean split = r.hasCell(s3("other_1", "total")) || r.hasCell(s3("other_1", "natural"));
        boolean single = r.hasCell(s3("other", "total")) || r.hasCell(s3("other", "natural"));
        if (split || (!single && r.format() == FormatVersion.V2021)) {
            rows.addAll(List.of("other_1", "other_2", "other_3"));
        } else {
            rows.add("other");
        }
        return rows;
    }

    /** All rows of table 三 in the row set the report prints. */
    public static List<String> s3Rows(ParsedReportView r) {
        List<String> rows = new ArrayList<>(List.of("new", "carried_in"));
        rows.addAll(outcomeRows(r));
        rows.addAll(List.of("processed_total", "carried_out"));
        return rows;
    }

    public static List<String> s3Keys(ParsedReportView r) {
        List<String> keys = new ArrayList<>();
        for (String row : s3Rows(r)) {
            for (String col : S3_COLUMNS) {
                keys.add(s3(row, col));
            }
        }
        return keys;
    }

    public static List<String> s4Keys() {
        List<String> keys = new ArrayList<>();
        for (String g : S4_GROUPS) {
            for (String p : S4_PARTS) {
                keys.add(s4(g, p));
            }
            keys.add(s4(g, "total"));
        }
        return keys;
    }

    /** The table 二 keys of a format. */
    public static List<String> s2Keys(FormatVersion format) {
        List<String> keys = new ArrayList<>();
        if (format == FormatVersion.V2021) {
            for (String row : List.of("rules", "normative")) {
                for (String c : List.of("issued", "repealed", "in_force")) {
                    keys.add("s2." + row + "." + c);
                }
            }
            keys.addAll(List.of("s2.licensing.decisions", "s2.penalty.decisions", "s2.coercion.decisions",
                    "s2.fees.amount"));
        } else if (format == FormatVersion.V2019) {
            for (String row : List.of("rules", "normative")) {
                for (String c : List.of("made", "published", "public_total")) {
                    keys.add("s2." + row + "." + c);
                }
            }
            for (String row : List.of("licensing", "other_services", "penalty", "coercion")) {
                for (String c : List.of("prev_items", "change", "decisions")) {
                    keys.add("s2." + row + "." + c);
                }
            }
            keys.addAll(List.of("s2.fees.prev_items", "s2.fees.change", "s2.procurement.items",
                    "s2.procurement.amount"));
        }
        return keys;
    }

    /** Keys whose values are money or signed changes rather than whole non-negative counts. */
    public static boolean isCount(String key) {
        return !(key.endsWith(".amount") || key.endsWith(".change") || key.startsWith("legacy."));
    }

    public static String tableOf(String key) {
        if (key.startsWith("s2.")) {
            return "二";
        }
        if (key.startsWith("s3.")) {
            return "三";
        }
        return key.startsWith("s4.") ? "四" : "?";
    }

    /** A human label for any cell key, e.g. "三、（七）总计 · 自然人". */
    public static String label(String key) {
        String[] p = key.split("\\.");
        if (p.length == 3 && p[0].equals("s3")) {
            return rowLabel(p[1]) + " · " + columnLabel(p[2]);
        }
        if (p.length == 3 && p[0].equals("s4")) {
            return groupLabel(p[1]) + " · " + p[2];
        }
        return key;
    }
}
