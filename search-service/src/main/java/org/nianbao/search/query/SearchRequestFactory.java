package org.nianbao.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Elasticsearch requests behind the search page and the exports: free text over title, agency and
 * section texts; facet filters as a post_filter; one aggregation per facet that applies every OTHER filter, so
 * the sidebar shows what clicking a value would give; sort orders that end on the report id for search_after.
 */
public final class SearchRequestFactory {

    /** The fields searched by free text, with their boosts. */
    public static final List<String> TEXT_FIELDS = List.of("title^3", "agency^2", "sections.heading^1.5", "sections.text");
    /** Aggregation name prefix; the facet's param follows it. */
    public static final String FACET_AGG_PREFIX = "facet_";
    /** Name of the terms aggregation inside each facet's filter aggregation. */
    public static final String VALUES_AGG = "values";
    /** Fields left out of result-list hits (the detail page reads them). */
    public static final List<String> LIST_EXCLUDES = List.of("sections", "cells", "cellDetails", "findings",
            "parseWarnings", "history");

    private final int facetSize;

    public SearchRequestFactory(int facetSize) {
        this.facetSize = facetSize;
    }

    /** One page of the result list with highlights and facet counts. */
    public SearchRequest search(String index, SearchCriteria criteria) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            aggregations.put(FACET_AGG_PREFIX + facet.param(), facetAggregation(facet, criteria));
        }
        return SearchRequest.of(s -> {
            s.index(index)
                    .query(textQuery(criteria.text()))
                    .postFilter(filters(criteria, null))
                    .aggregations(aggregations)
                    .trackTotalHits(t -> t.enabled(true))
                    .size(criteria.size())
                    .sort(sortOptions(criteria.sort()))
                    .source(src -> src.filter(f -> f.excludes(LIST_EXCLUDES)))
                    .highlight(h -> h.preTags("<em>").postTags("</em>").encoder(HighlighterEncoder.Html)
                            .fields(NamedValue.of("sections.text", HighlightField.of(f -> f.fragmentSize(90).numberOfFragments(3))),
                                    NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0)))));
            if (criteria.after() != null) {
                s.searchAfter(Cursor.decode(criteria.after()));
            }
            return s;
        });
    }

    /** One page of an export or a bulk read: filters applied as a plain filter, sorted by id, no aggregations. */
    public SearchRequest page(String index, SearchCriteria criteria, int pageSize, List<FieldValue> after,
                              List<String> includes) {
        return SearchRequest.of(s -> {
            s.index(index)
                    .query(q -> q.bool(b -> b.must(textQuery(criteria.text())).filter(filters(criteria, null))))
                    .size(pageSize)
                    .trackTotalHits(t -> t.enabled(false))
                    .sort(sortOptions(SearchSort.ID));
            if (!includes.isEmpty()) {
                s.source(src -> src.filter(f -> f.includes(includes)));
            }
            if (after != null && !after.isEmpty()) {
                s.searchAfter(after);
            }
            return s;
        });
    }

    /** The free-text part; everything matches when there is no text. */
    public Query textQuery(String text) {
        if (text == null) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(TEXT_FIELDS)
                .type(TextQueryType.CrossFields).operator(Operator.And)));
    }

    /** All facet filters of the criteria AND-ed, leaving out {@code except} (null = keep all). */
    public Query filters(SearchCriteria criteria, Facet except) {
        List<Query> clauses = new ArrayList<>();
        criteria.filters().forEach((facet, values) -> {
            if (facet != except) {
                clauses.add(filter(facet, values));
            }
        });
        if (clauses.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    /** One facet's values OR-ed. */
    public static Query filter(Facet facet, List<String> values) {
        List<FieldValue> terms = values.stream().map(v -> facet == Facet.LATE ? FieldValue.of(Boolean.parseBoolean(v))
                : FieldValue.of(v)).toList();
        return Query.of(q -> q.terms(t -> t.field(facet.field()).terms(tf -> tf.value(terms))));
    }

    private Aggregation facetAggregation(Facet facet, SearchCriteria criteria) {
        boolean byKey = facet == Facet.YEAR || facet == Facet.PUBLISH_MONTH;
        Aggregation values = Aggregation.of(a -> a.terms(t -> {
            t.field(facet.field()).size(facetSize);
            if (byKey) {
                t.order(NamedValue.of("_key", SortOrder.Desc));
            }
            return t;
        }));
        return Aggregation.of(a -> a.filter(filters(criteria, facet)).aggregations(VALUES_AGG, values));
    }

    static List<SortOptions> sortOptions(SearchSort sort) {
        List<SortOptions> options = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> options.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            case YEAR_DESC -> options.add(field("year", SortOrder.Desc));
            case YEAR_ASC -> options.add(field("year", SortOrder.Asc));
            case PUBLISHED_DESC -> options.add(field("publishedAt", SortOrder.Desc));
            case ID -> {
            }
        }
        options.add(field("reportId", SortOrder.Asc));
        return options;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field(name).order(order).missing("_last")));
    }
}
