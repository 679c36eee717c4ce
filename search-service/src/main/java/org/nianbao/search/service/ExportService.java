package org.nianbao.search.service;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.search.catalogue.CellCatalogue;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.export.CsvWriter;
import org.nianbao.search.query.SearchCriteria;
import org.nianbao.search.query.SearchRequestFactory;
import org.nianbao.search.repository.ReportIndexRepository;

/**
 * Streams the cells of a whole result set as CSV, page by page with search_after, so an export of any size never
 * holds more than one page in memory and never hits the 10,000-hit window.
 */
@ApplicationScoped
public class ExportService {

    /** Metadata columns before the canonical cell keys. */
    public static final List<String> META_COLUMNS = List.of("reportId", "title", "agency", "year", "province", "city",
            "county", "agencyLevel", "agencyKind", "formatVersion", "status", "late", "publishedAt");

    private final ReportIndexRepository repository;
    private final SearchRequestFactory requests;
    private final int pageSize;

    public ExportService(ReportIndexRepository repository, SearchConfig config) {
        this.repository = repository;
        this.requests = new SearchRequestFactory(config.search().facetSize());
        this.pageSize = config.search().exportPageSize();
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>(META_COLUMNS);
        header.addAll(CellCatalogue.allKeys());
        return header;
    }

    /** Writes the CSV and returns the number of data rows. */
    public long writeCsv(SearchCriteria criteria, OutputStream out) {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CsvWriter csv = new CsvWriter(writer, header());
        List<String> includes = new ArrayList<>(META_COLUMNS);
        includes.add("cells");
        List<FieldValue> after = null;
        while (true) {
            SearchResponse<ObjectNode> page = repository.search(
                    requests.page(repository.alias(), criteria, pageSize, after, includes));
            List<Hit<ObjectNode>> hits = page.hits().hits();
            for (Hit<ObjectNode> hit : hits) {
                csv.row(row(hit.source()));
            }
            csv.flush();
            if (hits.size() < pageSize) {
                return csv.rows();
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    static List<String> row(JsonNode doc) {
        List<String> row = new ArrayList<>();
        for (String column : META_COLUMNS) {
            row.add(SearchService.text(doc, column));
        }
        JsonNode cells = doc.path("cells");
        for (String key : CellCatalogue.allKeys()) {
            JsonNode value = cells.path(key);
            if (!value.isNumber()) {
                row.add(null);
            } else if (value.isIntegralNumber()) {
                row.add(value.asText());
            } else {
                row.add(value.decimalValue().stripTrailingZeros().toPlainString());
            }
        }
        return row;
    }
}
