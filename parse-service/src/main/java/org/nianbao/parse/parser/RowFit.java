package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.List;

/**
 * The values chosen for one table row from its atoms, with the other splits that were equally valid; it exists so
 * column identities across rows can settle an ambiguous digit run before a warning is raised.
 *
 * @param values the chosen values (null for blank cells), exactly as many as the row has columns
 * @param raws the printed text each value came from
 * @param units the unit printed with each value, or null
 * @param alternatives every split that satisfied the row's identity (includes {@code values}); size 1 = unambiguous
 * @param status how the values were obtained
 */
public record RowFit(List<BigDecimal> values, List<String> raws, List<String> units,
                     List<List<BigDecimal>> alternatives, Status status) {

    /** How a row's values were read. */
    public enum Status {
        /** one atom per column */
        DIRECT,
        /** digit runs split, exactly one split satisfies the row arithmetic (or the row has none) */
        SPLIT,
        /** more than one split satisfies every identity; the most plausible was chosen */
        AMBIGUOUS,
        /** no split satisfies the row arithmetic; the most plausible was chosen */
        INCONSISTENT,
        /** fewer values than columns */
        SHORT,
        /** more values than columns */
        EXTRA,
        /** nothing readable */
        EMPTY,
        /** digit runs longer than the row's columns can hold: left unsplit, values null */
        TOO_LONG,
        /** more valid splits than any reading can choose between, or the search ran past its work or time budget:
         * left unsplit, values null */
        OVER_BUDGET
    }
}
