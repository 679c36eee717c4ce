package org.nianbao.validate.rules;

import java.util.List;
import java.util.Objects;

/**
 * One thing a reviewer would write down about a report, naming exactly which cells or text it concerns.
 *
 * @param expected what the rule expected (a number, a date or text), or null
 * @param actual   what the report says, or null
 * @param span     quoted text the finding is about, for text rules
 */
public record Finding(String code, Severity severity, String message, List<String> cells,
                      Object expected, Object actual, String span) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
