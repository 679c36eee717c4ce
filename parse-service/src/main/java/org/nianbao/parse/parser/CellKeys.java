package org.nianbao.parse.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical cell keys of parse-service/DOMAIN.md §4 for each format era; it exists so every report carries all keys of its
 * format (missing ones as null) and every service spells them the same way.
 */
public final class CellKeys {

    public static final List<String> S3_COLUMNS =
            List.of("natural", "commercial", "research", "social", "legal", "other", "total");
    public static final List<String> S4_GROUPS = List.of("review", "suit_direct", "suit_after_review");
    public static final List<String> S4_COLUMNS = List.of("upheld", "corrected", "other", "pending", "total");
    public static final List<String> S3_ROWS_HEAD = List.of("new", "carried_in", "granted", "partial",
            "withheld_1", "withheld_2", "withheld_3", "withheld_4", "withheld_5", "withheld_6", "withheld_7",
            "withheld_8", "unavailable_1", "unavailable_2", "unavailable_3",
            "rejected_1", "rejected_2", "rejected_3", "rejected_4", "rejected_5");
    public static final List<String> S3_OTHER_2021 = List.of("other_1", "other_2", "other_3");
    public static final List<String> S3_OTHER_2019 = List.of("other");
    public static final List<String> S3_ROWS_TAIL = List.of("processed_total", "carried_out");

    public static final List<String> S2_2021 = List.of(
            "s2.rules.issued", "s2.rules.repealed", "s2.rules.in_force",
            "s2.normative.issued", "s2.normative.repealed", "s2.normative.in_force",
            "s2.licensing.decisions", "s2.penalty.decisions", "s2.coercion.decisions", "s2.fees.amount");
    public static final List<String> S2_2019 = List.of(
            "s2.rules.made", "s2.rules.published", "s2.rules.public_total",
            "s2.normative.made", "s2.normative.published", "s2.normative.public_total",
            "s2.licensing.prev_items", "s2.licensing.change", "s2.licensing.decisions",
            "s2.other_services.prev_items", "s2.other_services.change", "s2.other_services.decisions",
            "s2.penalty.prev_items", "s2.penalty.change", "s2.penalty.decisions",
            "s2.coercion.prev_items", "s2.coercion.change", "s2.coercion.decisions",
            "s2.fees.prev_items", "s2.fees.change", "s2.procurement.items", "s2.procurement.amount");

    private static final List<String> S3_KEYS_2021 = List.copyOf(buildS3Keys(true));
    private static final List<String> S3_KEYS_2019 = List.copyOf(buildS3Keys(false));
    private static final List<String> S4_KEYS = List.copyOf(buildS4Keys());
    private static final List<String> KEYS_2021 = List.copyOf(buildForFormat("2021"));
    private static final List<String> KEYS_2019 = List.copyOf(buildForFormat("2019"));

    private CellKeys() {
    }

    /** Table 三 row keys, with the 2021 three-row or the 2019 single-row （六）其他处理. */
    public static List<String> s3Rows(boolean otherSplit) {
        List<String> rows = new ArrayList<>(S3_ROWS_HEAD);
        rows.addAll(otherSplit ? S3_OTHER_2021 : S3_OTHER_2019);
        rows.addAll(S3_ROWS_TAIL);
        return rows;
    }

    /** Every table 三 key, row by row (unmodifiable, built once). */
    public static List<String> s3Keys(boolean otherSplit) {
        return otherSplit ? S3_KEYS_2021 : S3_KEYS_2019;
    }

    /** Every table 四 key (unmodifiable, built once). */
    public static List<String> s4Keys() {
        return S4_KEYS;
    }

    /**
     * Every key of a format era: table 二 of that era, table 三 with that era's （六）, table 四 (unmodifiable, built
     * once); empty for any other format.
     */
    public static List<String> forFormat(String format) {
        return "2021".equals(format) ? KEYS_2021 : "2019".equals(format) ? KEYS_2019 : List.of();
    }

    private static List<String> buildS3Keys(boolean otherSplit) {
        List<String> keys = new ArrayList<>();
        for (String row : s3Rows(otherSplit)) {
            for (String col : S3_COLUMNS) {
                keys.add("s3." + row + "." + col);
            }
        }
        return keys;
    }

    private static List<String> buildS4Keys() {
        List<String> keys = new ArrayList<>();
        for (String g : S4_GROUPS) {
            for (String c : S4_COLUMNS) {
                keys.add("s4." + g + "." + c);
            }
        }
        return keys;
    }

    private static List<String> buildForFormat(String format) {
        List<String> keys = new ArrayList<>(format.equals("2021") ? S2_2021 : S2_2019);
        keys.addAll(buildS3Keys(format.equals("2021")));
        keys.addAll(buildS4Keys());
        return keys;
    }
}
