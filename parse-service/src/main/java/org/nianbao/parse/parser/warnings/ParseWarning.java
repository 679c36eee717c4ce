package org.nianbao.parse.parser.warnings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Something the parser was unsure about, under a stable {@code PARSE.*} code of the
 * {@link WarningCode} registry; it exists so uncertain values are
 * flagged instead of silently trusted.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ParseWarning(String code, String message, List<String> cells) {

    public ParseWarning {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    /** A warning under a registered code, naming no cells. */
    public static ParseWarning of(WarningCode code, String message) {
        return new ParseWarning(code.code(), message, List.of());
    }

    /** True when this warning carries {@code code}. */
    public boolean is(WarningCode code) {
        return code.code().equals(this.code);
    }
}
