package org.nianbao.search.service;

import java.util.List;
import java.util.Map;

/**
 * One page of search results as the API returns it.
 *
 * @param total      number of matching reports (exact: total hits are always tracked)
 * @param hits       this page
 * @param facets     per facet param, the values with their counts under the other filters
 * @param next       cursor for the next page (search_after), null on the last page
 */
public record SearchResultView(long total, List<HitView> hits, Map<String, List<FacetCount>> facets, String next) {

    /** One result line. */
    public record HitView(String id, String title, String agency, Integer year, String province, String city,
                          String county, String agencyLevel, String agencyKind, String formatVersion, String status,
                          Boolean late, String publishedAt, Counts counts, List<String> ruleCodes,
                          String titleHighlight, List<String> highlights) {
    }

    /** Findings per severity. */
    public record Counts(int error, int warning, int info) {
    }

    /** One facet value and how many reports have it. */
    public record FacetCount(String value, long count) {
    }
}
