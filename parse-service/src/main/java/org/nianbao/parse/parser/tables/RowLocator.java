package org.nianbao.parse.parser.tables;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.parse.parser.text.RegexScan;
import org.nianbao.parse.parser.text.TextNormalizer;
import org.nianbao.parse.parser.warnings.ParseWarnings;

/**
 * Where each row label of one table is printed: first by its own label in order, then a missing row by its
 * printed ordinal, then (table 二) by its label variants, each between the rows found around it; it exists so the
 * values of a row can be taken as what lies between its label and the next row found.
 */
public final class RowLocator {

    private static final Pattern NAME_DIGIT_ORDINAL = Pattern.compile(" (\\d)\\.");
    private static final Pattern NAME_BRACKET_ORDINAL = Pattern.compile("^（([一二三四五六七八九])）");
    private static final Pattern NAME_HAN_ORDINAL = Pattern.compile("^([一二三四五六七八九])、");

    private final TableSpan span;
    private final List<RowSpec> rows;
    private final int[] starts;
    private final int[] ends;

    /** Finds every row of {@code rows} by its own label, in order, inside {@code span}. */
    RowLocator(TableSpan span, List<RowSpec> rows) {
        this.span = span;
        this.rows = rows;
        this.starts = new int[rows.size()];
        this.ends = new int[rows.size()];
        int cursor = span.from();
        for (int i = 0; i < rows.size(); i++) {
            Matcher m = RegexScan.first(rows.get(i).label(), span.norm(), cursor, span.to());
            if (m != null) {
                starts[i] = m.start();
                ends[i] = m.end();
                cursor = m.end();
            } else {
                starts[i] = -1;
            }
        }
    }

    boolean found(int row) {
        return starts[row] >= 0;
    }

    /** Where the label of a found row ends (its values start). */
    int labelEnd(int row) {
        return ends[row];
    }

    /** Where the values of a found row end: the start of the next row found, else the span's end. */
    int valuesEnd(int row) {
        return nextStart(row);
    }

    /**
     * A row whose label is worded beyond the known variants is still found by its printed ordinal ("5.", "（三）",
     * "四、" followed by text) between the rows found before and after it, so its values are not lost.
     */
    void findReworded() {
        for (int i = 0; i < rows.size(); i++) {
            if (starts[i] >= 0) {
                continue;
            }
            Pattern ordinal = ordinalOnly(rows.get(i).name());
            if (ordinal == null) {
                continue;
            }
            Matcher m = ordinal.matcher(span.norm()).region(previousEnd(i), nextStart(i));
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
    void findVariants(String table, TableAccumulator acc) {
        for (int i = 0; i < rows.size(); i++) {
            if (starts[i] >= 0) {
                continue;
            }
            int[] found = Table2LabelVariants.find(rows.get(i), span.norm(), previousEnd(i), nextStart(i));
            if (found != null) {
                starts[i] = found[0];
                ends[i] = found[1];
                String printed = TextNormalizer.squeeze(span.norm().substring(found[0], found[1]));
                acc.warn(ParseWarnings.labelReworded(ParseWarnings.where(table, rows.get(i).name()), printed,
                        rows.get(i).keys()));
            }
        }
    }

    /** The end of the nearest row found before row {@code i}, else the span's start. */
    private int previousEnd(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (starts[j] >= 0) {
                return ends[j];
            }
        }
        return span.from();
    }

    /** The start of the nearest row found after row {@code i}, else the span's end. */
    private int nextStart(int i) {
        for (int j = i + 1; j < starts.length; j++) {
            if (starts[j] >= 0) {
                return starts[j];
            }
        }
        return span.to();
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
}
