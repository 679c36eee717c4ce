package org.nianbao.parse.parser;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Something the parser was unsure about, under a stable {@code PARSE.*} code; it exists so uncertain values are
 * flagged instead of silently trusted.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ParseWarning(String code, String message, List<String> cells) {

    public ParseWarning {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    public static ParseWarning of(String code, String message) {
        return new ParseWarning(code, message, List.of());
    }
}
