package org.nianbao.parse.parser;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a page number left between a table 二 row's label and its values by a page break ("3" or "- 3 -" on a line
 * of its own). Table 二 has no row identity to show which values belong to the row, so it exists to recognise the
 * page number by its form: a page-number line, or a bare number of at most three digits whose page or a neighbouring
 * page carries a printed page number elsewhere in the document.
 */
final class StrayPageNumber {

    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern PAGE_LINE = Pattern.compile("(?m)^[ \\t]*(?:[-—][ \\t]*(\\d{1,3})[ \\t]*[-—]"
            + "|第[ \\t]*(\\d{1,3})[ \\t]*页.*)[ \\t]*$");

    private final String norm;
    private final Set<Integer> dropped;
    private Set<Integer> seen;

    /**
     * @param norm the folded body text
     * @param dropped numbers of the page-number lines the reader already dropped from the body
     */
    StrayPageNumber(String norm, Set<Integer> dropped) {
        this.norm = norm;
        this.dropped = dropped;
    }

    /**
     * Where the values after a row label start once a page number on the first line after the label is skipped,
     * or -1 when that line is not a page number. {@code from} is the end of the label, {@code to} the next row.
     */
    int valuesAfter(int from, int to) {
        int start = from;
        while (start < to && (norm.charAt(start) == ' ' || norm.charAt(start) == '\t')) {
            start++;
        }
        if (start >= to || norm.charAt(start) != '\n') {
            return -1;
        }
        while (start < to && Character.isWhitespace(norm.charAt(start))) {
            start++;
        }
        int end = norm.indexOf('\n', start);
        if (end < 0 || end > to) {
            return -1;
        }
        String line = norm.substring(start, end).strip();
        if (PdfTextExtractor.isPageChrome(line)) {
            return end;
        }
        if (BARE_NUMBER.matcher(line).matches() && nearPrintedPage(Integer.parseInt(line))) {
            return end;
        }
        return -1;
    }

    private boolean nearPrintedPage(int n) {
        if (n == 0) {
            return false;
        }
        Set<Integer> pages = seen();
        return pages.contains(n) || pages.contains(n - 1) || pages.contains(n + 1);
    }

    private Set<Integer> seen() {
        if (seen == null) {
            seen = new TreeSet<>(dropped);
            Matcher m = PAGE_LINE.matcher(norm);
            while (m.find()) {
                seen.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
            }
        }
        return seen;
    }
}
