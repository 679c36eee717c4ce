package org.nianbao.parse.parser.tables;

import java.util.List;
import java.util.Optional;
import org.nianbao.parse.parser.warnings.ParseWarning;
import org.nianbao.parse.parser.warnings.ParseWarnings;

/**
 * The warning a row's fit calls for (ambiguous or inconsistent digits, too few or too many values, digits left
 * unsplit), naming the table, the row label and its keys; it exists so every table reader reports a row alike.
 */
final class RowFitWarnings {

    private static final int PRINTED_MAX = 80;

    private RowFitWarnings() {
    }

    /** The warning for {@code fit} of {@code row} read from {@code printed}; none for a clean fit (or table 三's
     * ambiguous rows, which the column identities settle first). */
    static Optional<ParseWarning> report(String table, RowSpec row, RowFit fit, List<ValueAtom> printed) {
        String where = ParseWarnings.where(table, row.name());
        return Optional.ofNullable(switch (fit.status()) {
            case AMBIGUOUS -> row.keys().get(0).startsWith("s3.") ? null : ambiguous(where, row, fit);
            case INCONSISTENT -> ParseWarnings.inconsistentDigits(where, fit.values(), row.keys());
            case SHORT -> ParseWarnings.fewerValues(where, fit.raws(), row.keys());
            case EXTRA -> ParseWarnings.moreValues(where, row.keys());
            case EMPTY -> ParseWarnings.labelWithoutValues(where, row.keys());
            case TOO_LONG -> ParseWarnings.digitsTooLong(where, printedText(printed), row.keys());
            case OVER_BUDGET -> ParseWarnings.digitsOverBudget(where, printedText(printed), row.keys());
            default -> null;
        });
    }

    /** {@code PARSE.AMBIGUOUS_DIGITS} with the chosen split and up to four candidates. */
    static ParseWarning ambiguous(String where, RowSpec row, RowFit fit) {
        StringBuilder alts = new StringBuilder();
        for (int i = 0; i < Math.min(4, fit.alternatives().size()); i++) {
            alts.append(i == 0 ? "" : " | ").append(fit.alternatives().get(i));
        }
        return ParseWarnings.ambiguousDigits(where, fit.values(), alts.toString(), row.keys());
    }

    /** The row's values as printed, shortened to {@link #PRINTED_MAX} characters for a warning message. */
    static String printedText(List<ValueAtom> printed) {
        StringBuilder b = new StringBuilder();
        for (ValueAtom a : printed) {
            if (b.length() > PRINTED_MAX) {
                break;
            }
            b.append(b.isEmpty() ? "" : " ").append(a.blank() ? "/" : a.raw());
        }
        return b.length() > PRINTED_MAX ? b.substring(0, PRINTED_MAX) + "…（共 " + digitsIn(printed) + " 位数字）" : b.toString();
    }

    private static long digitsIn(List<ValueAtom> printed) {
        long n = 0;
        for (ValueAtom a : printed) {
            n += a.blank() ? 0 : a.digitCount();
        }
        return n;
    }
}
