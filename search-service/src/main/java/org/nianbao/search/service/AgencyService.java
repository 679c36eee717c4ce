package org.nianbao.search.service;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nianbao.search.repository.ReportIndexRepository;

/** Collects one agency's reports across years, so its figures can be compared year over year. */
@ApplicationScoped
public class AgencyService {

    private static final int MAX_YEARS = 200;

    private final ReportIndexRepository repository;

    public AgencyService(ReportIndexRepository repository) {
        this.repository = repository;
    }

    public Optional<AgencyYearsView> years(String agencyKey) {
        List<Hit<ObjectNode>> hits = repository.search(SearchRequest.of(s -> s.index(repository.alias())
                .size(MAX_YEARS)
                .query(q -> q.term(t -> t.field("agencyKey").value(agencyKey)))
                .sort(o -> o.field(f -> f.field("year").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("reportId").order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.includes("reportId", "title", "agency", "year", "status",
                        "formatVersion", "counts", "cells"))))).hits().hits();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<AgencyYearsView.Year> years = new ArrayList<>();
        String agency = null;
        for (Hit<ObjectNode> hit : hits) {
            JsonNode s = hit.source();
            agency = SearchService.text(s, "agency");
            JsonNode counts = s.path("counts");
            years.add(new AgencyYearsView.Year(s.path("year").asInt(), hit.id(), SearchService.text(s, "title"),
                    SearchService.text(s, "status"), SearchService.text(s, "formatVersion"),
                    new SearchResultView.Counts(counts.path("error").asInt(), counts.path("warning").asInt(),
                            counts.path("info").asInt()), s.path("cells")));
        }
        return Optional.of(new AgencyYearsView(agencyKey, agency, years));
    }
}
