package org.nianbao.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.ProjectionService;

/**
 * The data set of the integration and browser tests: the six fixture reports plus 25 synthetic reports of
 * 分页县 (2022, status warnings, the first 10 late), indexed into a freshly created test index.
 */
public final class IndexedFixtures {

    public static final String PAGING_COUNTY = "分页县";
    public static final int PAGING_REPORTS = 25;
    public static final int LATE_REPORTS = 10;

    private IndexedFixtures() {
    }

    public static void reset(ElasticsearchClient es, ReportIndexRepository repository, ProjectionService projection) {
        try {
            // cat indices, not indices.get: the 9.2 client cannot decode a mapping with "subobjects": false
            for (var row : es.cat().indices(c -> c.index(repository.alias() + "*")).indices()) {
                es.indices().delete(d -> d.index(row.index()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.ensureIndex();
        for (String fixture : TestEvents.FIXTURES) {
            projection.apply(TestEvents.raw(fixture));
        }
        for (int i = 0; i < PAGING_REPORTS; i++) {
            projection.apply(TestEvents.synthetic("pingtan-syq-2021", String.format("page-%02d", i), PAGING_COUNTY, 2022,
                    i < LATE_REPORTS, "warnings").toString());
        }
        repository.refresh(repository.alias());
    }

    public static long count(ElasticsearchClient es, String index, String reportId) {
        try {
            return es.count(c -> c.index(index).query(q -> q.term(t -> t.field("reportId").value(reportId)))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
