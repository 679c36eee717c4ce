package org.nianbao.parse.parser;

import static org.nianbao.parse.parser.LabelPattern.anyOf;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wordings of table 二 row labels beyond the printed template (许可 for 行政许可, 收费 for 行政事业性收费, 政府采购 for
 * 政府集中采购…). It exists so a report that rewords a row keeps the row's values: a variant is only taken where the
 * row was not found by its own label, between the rows found before and after it, and only where it stands as a
 * table cell (at a line or cell start, with a value right after it), never inside a narrative sentence.
 */
final class Table2LabelVariants {

    /** Words a reworded label may carry after the row word (行政许可事项, 处罚决定, 强制措施, 收费金额). */
    private static final String SUFFIX = "(?:" + anyOf("事项", "决定", "措施", "项目", "数量", "件数", "金额") + ")?";
    /** A printed unit in brackets after the label: （单位：万元）, (件). */
    private static final String UNIT = "(?:\\s*[(][^()\\n]{0,12}[)])?";

    /** Row (the prefix of its cell keys) → its variant labels, longest first. */
    private static final Map<String, Pattern> VARIANTS = Map.of(
            "s2.normative", variants("行政规范文件", "规范文件"),
            "s2.licensing", variants("行政审批", "许可"),
            "s2.other_services", variants("其他对外管理服务", "其他管理服务事项", "对外管理服务", "管理服务事项"),
            "s2.penalty", variants("处罚"),
            "s2.coercion", variants("强制措施", "强制"),
            "s2.fees", variants("行政事业收费", "行政收费", "事业收费", "收费"),
            "s2.procurement", variants("政府采购", "采购"));

    private Table2LabelVariants() {
    }

    private static Pattern variants(String... labels) {
        return Pattern.compile(anyOf(labels) + SUFFIX + UNIT);
    }

    /**
     * The first variant label of {@code row} standing as a table cell in {@code [from, to)}, as {start, end}, or
     * null when the row has no variants or none stands there.
     */
    static int[] find(RowSpec row, String norm, int from, int to) {
        String key = row.keys().get(0);
        Pattern p = VARIANTS.get(key.substring(0, key.lastIndexOf('.')));
        if (p == null || from >= to) {
            return null;
        }
        Matcher m = p.matcher(norm).region(from, to);
        while (m.find()) {
            if (startsCell(norm, from, m.start()) && valueFollows(norm, m.end(), to)) {
                return new int[] {m.start(), m.end()};
            }
        }
        return null;
    }

    /** The label begins a line or a cell: only spaces between it and the line start, tab or region start. */
    private static boolean startsCell(String norm, int from, int at) {
        int i = at - 1;
        while (i >= from && norm.charAt(i) == ' ') {
            i--;
        }
        return i < from || norm.charAt(i) == '\n' || norm.charAt(i) == '\t' || norm.charAt(i) == '|';
    }

    /** A value (digit, blank cell, "/" or dash) is the next thing printed after the label. */
    private static boolean valueFollows(String norm, int at, int to) {
        int i = at;
        while (i < to && Character.isWhitespace(norm.charAt(i))) {
            i++;
        }
        if (i >= to) {
            return false;
        }
        char c = norm.charAt(i);
        return Character.isDigit(c) || c == DocumentText.BLANK || c == '/' || c == '\\' || c == '-' || c == '—';
    }
}
