package org.nianbao.parse.parser;

/**
 * Context the crawler saw around a document (site, list entry, province); it exists because a report's own text
 * often omits the agency's parent region, which these hints can supply. Every field is nullable.
 */
public record ParseHints(String siteName, String listTitle, String listDate, String province) {

    /** Hints that carry no information. */
    public static ParseHints none() {
        return new ParseHints(null, null, null, null);
    }
}
