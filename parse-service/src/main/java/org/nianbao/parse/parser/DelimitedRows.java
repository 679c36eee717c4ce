package org.nianbao.parse.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites a plain-text table row printed by an extraction tool — markdown pipes ({@code | a | b |}), tab cells
 * (Excel / WPS copy) or comma cells (portal CSV) — as the tab cells with {@link DocumentText#BLANK} for an empty
 * cell that every other reader produces; it exists because in such rows an empty cell is a blank value, and a comma
 * between numbers is a cell boundary, not a thousands separator.
 */
final class DelimitedRows {

    private static final Pattern VALUE = Pattern.compile(
            "[+-]?[0-9０-９][0-9０-９.,．，]*\\s*(?:万元|元|件|条|个|项|次|宗|%)?|[/\\\\—–-]+");

    private static final Pattern GROUP = Pattern.compile("\\d{3}(?:\\.\\d+)?\\s*(?:万元|元|件|条|个|项|次|宗|%)?");

    private DelimitedRows() {
    }

    /**
     * The line as tab cells, or the line itself when it is not a delimited row; a markdown header separator
     * ({@code |---|:--:|}) becomes the empty string. An empty cell next to a value (the nearest printed cell before or
     * after it holds a digit or is a "/" or "—" mark) is a blank value and becomes {@link DocumentText#BLANK}; one
     * between labels or header words is what a merged cell leaves in a flat row, and is dropped.
     */
    static String normalize(String line) {
        String t = line.strip();
        List<String> cells;
        if (t.length() > 2 && t.charAt(0) == '|' && t.charAt(t.length() - 1) == '|' && count(t, '|') >= 3) {
            if (t.chars().allMatch(c -> c == '|' || c == '-' || c == ':' || c == ' ')) {
                return "";
            }
            cells = List.of(t.substring(1, t.length() - 1).split("\\|", -1));
        } else if (count(line, '\t') >= 2) {
            cells = List.of(line.split("\t", -1));
        } else if (count(t, ',') >= 2 && isCsvRow(t)) {
            cells = csvCells(t);
        } else {
            return line;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i).strip();
            if (!c.isEmpty()) {
                kept.add(c);
            } else if (isValue(nearest(cells, i, -1)) || isValue(nearest(cells, i, 1))) {
                kept.add(String.valueOf(DocumentText.BLANK));
            }
        }
        return String.join("\t", kept);
    }

    /** The nearest non-empty cell from {@code i} in {@code step} direction, or "" when there is none. */
    private static String nearest(List<String> cells, int i, int step) {
        for (int j = i + step; j >= 0 && j < cells.size(); j += step) {
            String c = cells.get(j).strip();
            if (!c.isEmpty()) {
                return c;
            }
        }
        return "";
    }

    /** A number ("12", "1,234", "１２", "3.5万元") or a blank mark ("/", "—", "-"); not a label like "2.重复申请". */
    private static boolean isValue(String c) {
        return !c.isEmpty() && VALUE.matcher(c).matches();
    }

    /**
     * Comma cells: label cells (CJK text) or nothing first, then only values and empty cells, at least one value — and
     * not one number in thousands groups ("共1,234,567件", "1,234"), so a sentence or a grouped number stays as is.
     */
    private static boolean isCsvRow(String t) {
        List<String> cells = csvCells(t);
        boolean value = false;
        boolean empty = false;
        boolean grouped = true;
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i).strip();
            if (c.isEmpty()) {
                empty = true;
            } else if (isValue(c)) {
                value = true;
                grouped &= i == 0 || GROUP.matcher(c).matches();
            } else if (value || c.chars().noneMatch(ch -> ValueScanner.isHan((char) ch))) {
                return false;
            }
        }
        String first = cells.get(0).strip();
        boolean joinsFirst = !first.isEmpty() && Character.isDigit(first.charAt(first.length() - 1));
        return value && (empty || !(grouped && joinsFirst));
    }

    /** Splits on commas outside double quotes, dropping the quotes. */
    private static List<String> csvCells(String t) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
