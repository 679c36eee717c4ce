package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * One table row to look for: how its label is printed, which cell keys its values go to and how plausible a
 * candidate split is; it exists so tables are described as data rather than code.
 *
 * @param name the printed label, for warning messages
 * @param label pattern of the label (ordinal included, so the previous row's values end before it)
 * @param keys cell keys of the row's values, in printed column order
 * @param unit default unit of the row's values
 * @param cost plausibility of a candidate split (lower = more plausible)
 */
public record RowSpec(String name, Pattern label, List<String> keys, String unit,
                      ToDoubleFunction<List<BigDecimal>> cost) {

    public static RowSpec of(String name, String regex, List<String> keys, String unit,
                             ToDoubleFunction<List<BigDecimal>> cost) {
        return new RowSpec(name, Pattern.compile(regex), keys, unit, cost);
    }
}
