package org.nianbao.parse.parser.tables;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.parse.parser.text.RegexScan;

/**
 * The stretch {@code [from, to)} of the folded report text that holds one table; it exists so readers pass one
 * value instead of a text and two offsets.
 */
record TableSpan(String norm, int from, int to) {

    /** The start of the first match of the first of {@code starts} that matches inside the span, else -1. */
    int firstOf(List<Pattern> starts) {
        for (Pattern p : starts) {
            Matcher m = RegexScan.first(p, norm, from, to);
            if (m != null) {
                return m.start();
            }
        }
        return -1;
    }

    /** The same text from {@code newFrom} to this span's end. */
    TableSpan from(int newFrom) {
        return new TableSpan(norm, newFrom, to);
    }
}
