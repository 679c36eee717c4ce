package org.nianbao.search.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a user asked for: free text, facet filters (several values of one facet are OR-ed, facets are AND-ed),
 * order, page size and the opaque cursor of the previous page.
 */
public record SearchCriteria(String text, Map<Facet, List<String>> filters, SearchSort sort, int size, String after) {

    public SearchCriteria {
        text = text == null || text.isBlank() ? null : text.trim();
        EnumMap<Facet, List<String>> copy = new EnumMap<>(Facet.class);
        filters.forEach((facet, values) -> {
            List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
            if (!kept.isEmpty()) {
                copy.put(facet, kept);
            }
        });
        filters = Map.copyOf(copy);
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        after = after == null || after.isBlank() ? null : after;
    }

    public static SearchCriteria of(String text, Map<Facet, List<String>> filters) {
        return new SearchCriteria(text, filters, SearchSort.RELEVANCE, 20, null);
    }
}
