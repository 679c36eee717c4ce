package org.nianbao.parse.parser.tables;

import static org.nianbao.parse.parser.text.LabelPattern.anyOf;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.parse.parser.ParseBudget;
import org.nianbao.parse.parser.sections.SectionLocator;
import org.nianbao.parse.parser.text.RegexScan;

/**
 * Reads the three national tables (二 主动公开, 三 依申请, 四 复议诉讼): finds the stretch of text holding each (its
 * section, else where its header is printed) and hands it to {@link Table2Reader}, {@link Table3Reader} and
 * {@link Table4Reader}, which share one {@link TableAccumulator}; it exists as the tables stage of the parse.
 */
public final class TableReader {

    private static final Pattern S2_FALLBACK_START = Pattern.compile(anyOf("第二十条第"));
    private static final Pattern S4_FALLBACK_START = Pattern.compile(anyOf("行政复议") + "\\s*" + anyOf("行政诉讼"));

    /** Room for every cell of the largest format without rehashing (2019: 22 + 161 + 15 keys). */
    public static final int CELLS_CAPACITY = TableAccumulator.CELLS_CAPACITY;

    private TableReader() {
    }

    /** Reads all tables of a report; {@code norm} is the folded body text. */
    public static TableResult read(String norm, List<SectionLocator.Heading> headings) {
        return read(norm, headings, Set.of());
    }

    /**
     * Reads all tables of a report; {@code norm} is the folded body text, {@code pageNumbers} the numbers of the
     * page-number lines the reader dropped from it.
     */
    public static TableResult read(String norm, List<SectionLocator.Heading> headings, Set<Integer> pageNumbers) {
        return read(norm, headings, pageNumbers, ParseBudget.standalone());
    }

    /**
     * Reads all tables of a report, drawing the work of every search over alternatives (digit splits, column
     * identities) from {@code budget}; a row whose search it cannot afford keeps null values and a warning.
     */
    public static TableResult read(String norm, List<SectionLocator.Heading> headings, Set<Integer> pageNumbers,
                                   ParseBudget budget) {
        TableAccumulator acc = new TableAccumulator(budget);
        int[] r2 = region(norm, headings, 2);
        int[] r3 = region(norm, headings, 3);
        int[] r4 = region(norm, headings, 4);
        if (r3 == null) {
            int st = new TableSpan(norm, 0, norm.length()).firstOf(Table3Reader.STARTS);
            if (st >= 0) {
                r3 = new int[] {st, r4 != null && r4[0] > st ? r4[0] : norm.length()};
            }
        }
        if (r2 == null) {
            Matcher m = RegexScan.first(S2_FALLBACK_START, norm, 0, norm.length());
            if (m != null) {
                r2 = new int[] {m.start(), r3 != null && r3[0] > m.start() ? r3[0] : Math.min(norm.length(), m.start() + 4000)};
            }
        }
        if (r4 == null && r3 != null) {
            Matcher m = RegexScan.first(S4_FALLBACK_START, norm, r3[0], norm.length());
            if (m != null) {
                r4 = new int[] {m.start(), Math.min(norm.length(), m.end() + 1500)};
            }
        }

        String s2Format = r2 == null ? null : new Table2Reader(acc).read(new TableSpan(norm, r2[0], r2[1]), pageNumbers);
        Boolean otherSplit = r3 == null ? null : new Table3Reader(acc).read(new TableSpan(norm, r3[0], r3[1]));
        boolean s4Found = r4 != null && otherSplit != null
                && new Table4Reader(acc).read(new TableSpan(norm, r4[0], r4[1]));
        return acc.result(s2Format, otherSplit, s4Found);
    }

    /** The text of national section {@code number} as {from, to}, or null when the report has no such heading. */
    private static int[] region(String norm, List<SectionLocator.Heading> headings, int number) {
        for (int i = 0; i < headings.size(); i++) {
            SectionLocator.Heading h = headings.get(i);
            if (h.number() == number) {
                int end = i + 1 < headings.size() ? headings.get(i + 1).start() : norm.length();
                return new int[] {h.end(), end};
            }
        }
        return null;
    }
}
