package org.nianbao.parse.parser.tables;

import static org.nianbao.parse.parser.text.LabelPattern.anyOf;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.parse.parser.input.DocumentText;
import org.nianbao.parse.parser.text.RegexScan;
import org.nianbao.parse.parser.warnings.ParseWarnings;

/**
 * Reads table 四 (行政复议、行政诉讼): its fifteen values follow a header block of column words, read as one row whose
 * groups of five each end in their total; it exists because table 四 has no row labels to find.
 */
public final class Table4Reader {

    private static final Pattern HEADER_START = Pattern.compile(anyOf("行政复议") + "[\\s|]*" + anyOf("行政诉讼"));
    private static final Pattern HEADER_WORD = Pattern.compile(
            anyOf("总计", "审结", "其他结果", "结果纠正", "结果维持", "直接起诉", "复议后起诉", "维持", "纠正"));
    private static final RowSpec ROW = new RowSpec("行政复议、行政诉讼", Pattern.compile("$^"), CellKeys.s4Keys(), "件",
            Plausibility::smallCounts);

    private final TableAccumulator acc;

    Table4Reader(TableAccumulator acc) {
        this.acc = acc;
    }

    /** Reads table 四 inside {@code span}; true when its values were found. */
    boolean read(TableSpan span) {
        String norm = span.norm();
        Matcher header = RegexScan.first(HEADER_START, norm, span.from(), span.to());
        int headerFrom = header != null ? header.start() : span.from();
        RegexScan words = RegexScan.of(HEADER_WORD, norm, headerFrom, span.to());
        Matcher m = words.matcher();
        int valuesFrom = -1;
        while (words.find()) {
            if (valuesFrom >= 0 && hasValueBetween(norm, valuesFrom, m.start())) {
                break;
            }
            valuesFrom = m.end();
        }
        List<String> keys = ROW.keys();
        if (valuesFrom < 0) {
            acc.putNulls(ROW);
            acc.warn(ParseWarnings.table4NotFound(keys));
            return false;
        }
        acc.budget().charge(span.to() - valuesFrom);
        List<ValueAtom> atoms = ValueScanner.scan(norm, valuesFrom, span.to());
        RowFit fit = DigitSplitter.fit(atoms, keys.size(), CellKeys.S4_COLUMNS.size(), DigitSplitter.LAST_IS_SUM,
                Plausibility::smallCounts, acc.budget());
        acc.put(ROW, fit);
        RowFitWarnings.report("四", ROW, fit, atoms).ifPresent(acc::warn);
        return fit.status() != RowFit.Status.EMPTY;
    }

    /** The header block of table 四 ends where the first value (digit or blank cell) appears. */
    private static boolean hasValueBetween(String norm, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = norm.charAt(i);
            if (Character.isDigit(c) || c == DocumentText.BLANK) {
                return true;
            }
        }
        return false;
    }
}
