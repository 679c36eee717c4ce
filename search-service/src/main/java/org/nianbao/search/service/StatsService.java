package org.nianbao.search.service;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.query.SearchCriteria;
import org.nianbao.search.query.SearchRequestFactory;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.StatsView.LateCounty;
import org.nianbao.search.service.StatsView.StatusYear;

/** Aggregations behind the charts of the UI, computed under the same filters as the result list. */
@ApplicationScoped
public class StatsService {

    /** Bucket name for reports whose county is not known (province- and city-level bodies). */
    public static final String NO_COUNTY = "（未分县）";

    private final ReportIndexRepository repository;
    private final SearchRequestFactory requests;

    public StatsService(ReportIndexRepository repository, SearchConfig config) {
        this.repository = repository;
        this.requests = new SearchRequestFactory(config.search().facetSize());
    }

    public List<StatusYear> statusByYear(SearchCriteria criteria) {
        SearchResponse<ObjectNode> response = repository.search(SearchRequest.of(s -> s.index(repository.alias())
                .size(0)
                .query(q -> q.bool(b -> b.must(requests.textQuery(criteria.text()))
                        .filter(requests.filters(criteria, null))))
                .aggregations("years", a -> a.terms(t -> t.field("year").size(200)
                                .order(NamedValue.of("_key", SortOrder.Asc)))
                        .aggregations("status", sa -> sa.terms(t -> t.field("status").size(10))))));
        List<StatusYear> out = new ArrayList<>();
        for (LongTermsBucket year : response.aggregations().get("years").lterms().buckets().array()) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (StringTermsBucket status : year.aggregations().get("status").sterms().buckets().array()) {
                byStatus.put(status.key().stringValue(), status.docCount());
            }
            out.add(new StatusYear(String.valueOf(year.key()), year.docCount(), byStatus));
        }
        return out;
    }

    public List<LateCounty> lateByCounty(SearchCriteria criteria) {
        SearchResponse<ObjectNode> response = repository.search(SearchRequest.of(s -> s.index(repository.alias())
                .size(0)
                .query(q -> q.bool(b -> b.must(requests.textQuery(criteria.text()))
                        .filter(requests.filters(criteria, null))))
                .aggregations("counties", a -> a.terms(t -> t.field("county").size(500).missing(NO_COUNTY))
                        .aggregations("late", la -> la.filter(f -> f.term(t -> t.field("late").value(true)))))));
        List<LateCounty> out = new ArrayList<>();
        Aggregate counties = response.aggregations().get("counties");
        for (StringTermsBucket county : counties.sterms().buckets().array()) {
            long late = county.aggregations().get("late").filter().docCount();
            if (late > 0) {
                out.add(new LateCounty(county.key().stringValue(), late, county.docCount()));
            }
        }
        out.sort((a, b) -> Long.compare(b.late(), a.late()));
        return out;
    }
}
