package org.nianbao.search.query;

import java.util.Locale;

/** The orders a result list can be shown in; each ends with the report id so that search_after pages are stable. */
public enum SearchSort {
    RELEVANCE,
    YEAR_DESC,
    YEAR_ASC,
    PUBLISHED_DESC,
    ID;

    /** Parses {@code relevance}, {@code year_desc}, … (null or blank = relevance). */
    public static SearchSort parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown sort: " + value);
        }
    }
}
