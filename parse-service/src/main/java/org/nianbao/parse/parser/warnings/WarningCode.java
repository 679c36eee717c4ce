package org.nianbao.parse.parser.warnings;

/**
 * The registry of {@code PARSE.*} warning codes: every code the parser can raise, once, with when it is raised (the
 * table of parse-service/README.md); it exists so codes are never spelled as string literals and a new code cannot
 * appear without being documented. The messages are built by {@link ParseWarnings}.
 */
public enum WarningCode {
    SCANNED_PDF("PDF pages without a text layer; no cells read (OCR is not attempted)"),
    ENCODING("encoding was not declared and GB18030 was assumed"),
    AMBIGUOUS_DIGITS("a glued digit run had several valid splits (or none consistent with the row total)"),
    TABLE_TRUNCATED("rows not found or with fewer values than columns"),
    EXTRA_VALUES("more values after a label than the row has columns, or a page number skipped before a table 二 row's values"),
    LABEL_REWORDED("a table 二 row was found by a label variant"),
    MIXED_FORMAT("table 二 and table 三 printed in different format eras"),
    TABLE_NOT_FOUND("a 2019+ report (or unknown year) with no national table"),
    DATE_FROM_SIGNATURE("publishedAt came only from the signature date"),
    DIGITS_UNSPLIT("a row's digits were not read: more digits than its columns can hold, or too many splits to search"),
    BUDGET_EXCEEDED("the document's work or time budget ran out (or the PDF page limit was reached)");

    private final String code;
    private final String when;

    WarningCode(String when) {
        this.code = "PARSE." + name();
        this.when = when;
    }

    /** The code as it appears in {@code warnings[].code}, e.g. {@code PARSE.ENCODING}. */
    public String code() {
        return code;
    }

    /** When the parser raises it, in one line. */
    public String when() {
        return when;
    }

    /** The registered code spelled {@code code}, or null. */
    public static WarningCode of(String code) {
        for (WarningCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
