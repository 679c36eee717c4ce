package org.nianbao.search.service;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.query.Cursor;
import org.nianbao.search.query.Facet;
import org.nianbao.search.query.SearchCriteria;
import org.nianbao.search.query.SearchRequestFactory;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.SearchResultView.Counts;
import org.nianbao.search.service.SearchResultView.FacetCount;
import org.nianbao.search.service.SearchResultView.HitView;

/** Runs a search and turns the Elasticsearch response into the page the API and UI show. */
@ApplicationScoped
public class SearchService {

    private final ReportIndexRepository repository;
    private final SearchRequestFactory requests;
    private final int maxPageSize;

    public SearchService(ReportIndexRepository repository, SearchConfig config) {
        this.repository = repository;
        this.requests = new SearchRequestFactory(config.search().facetSize());
        this.maxPageSize = config.search().maxPageSize();
    }

    public SearchResultView search(SearchCriteria criteria) {
        if (criteria.size() > maxPageSize) {
            throw new IllegalArgumentException("size must be at most " + maxPageSize);
        }
        SearchResponse<ObjectNode> response = repository.search(requests.search(repository.alias(), criteria));
        List<HitView> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            hits.add(toHit(hit));
        }
        String next = null;
        List<Hit<ObjectNode>> raw = response.hits().hits();
        if (criteria.size() > 0 && raw.size() == criteria.size()) {
            next = Cursor.encode(raw.get(raw.size() - 1).sort());
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Aggregate agg = response.aggregations().get(SearchRequestFactory.FACET_AGG_PREFIX + facet.param());
            facets.put(facet.param(), buckets(agg.filter().aggregations().get(SearchRequestFactory.VALUES_AGG)));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResultView(total, hits, facets, next);
    }

    /** Terms buckets of any key type as strings (booleans as "true"/"false"). */
    static List<FacetCount> buckets(Aggregate terms) {
        List<FacetCount> out = new ArrayList<>();
        if (terms.isSterms()) {
            terms.sterms().buckets().array().forEach(b -> out.add(new FacetCount(b.key().stringValue(), b.docCount())));
        } else if (terms.isLterms()) {
            terms.lterms().buckets().array().forEach(b -> out.add(new FacetCount(
                    b.keyAsString() != null ? b.keyAsString() : String.valueOf(b.key()), b.docCount())));
        } else if (terms.isDterms()) {
            terms.dterms().buckets().array().forEach(b -> out.add(new FacetCount(
                    b.keyAsString() != null ? b.keyAsString() : String.valueOf(b.key()), b.docCount())));
        }
        return out;
    }

    private static HitView toHit(Hit<ObjectNode> hit) {
        JsonNode s = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        List<String> titleHl = highlight.get("title");
        List<String> ruleCodes = new ArrayList<>();
        s.path("ruleCodes").forEach(c -> ruleCodes.add(c.asText()));
        JsonNode counts = s.path("counts");
        return new HitView(hit.id(), text(s, "title"), text(s, "agency"),
                s.path("year").isInt() ? s.get("year").asInt() : null,
                text(s, "province"), text(s, "city"), text(s, "county"), text(s, "agencyLevel"), text(s, "agencyKind"),
                text(s, "formatVersion"), text(s, "status"),
                s.path("late").isBoolean() ? s.get("late").asBoolean() : null, text(s, "publishedAt"),
                new Counts(counts.path("error").asInt(), counts.path("warning").asInt(), counts.path("info").asInt()),
                ruleCodes, titleHl == null || titleHl.isEmpty() ? null : titleHl.get(0),
                highlight.getOrDefault("sections.text", List.of()));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
