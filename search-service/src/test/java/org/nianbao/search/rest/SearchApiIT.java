package org.nianbao.search.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nianbao.search.IndexedFixtures;
import org.nianbao.search.TestEvents;
import org.nianbao.search.catalogue.CellCatalogue;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.ExportService;
import org.nianbao.search.service.ProjectionService;

/** The search, report, export, stats and agency endpoints against the real Elasticsearch. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {

    @Inject
    ElasticsearchClient es;
    @Inject
    ReportIndexRepository repository;
    @Inject
    ProjectionService projection;

    @BeforeAll
    void index() {
        IndexedFixtures.reset(es, repository, projection);
    }

    private JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    private static long facet(JsonPath result, String facet, String value) {
        Object count = result.get("facets." + facet + ".find { it.value == '" + value + "' }.count");
        return count == null ? 0 : ((Number) count).longValue();
    }

    @Test
    void chineseQueryFindsReportsWithHighlightedSnippets() {
        JsonPath result = search(Map.of("q", "行政复议", "province", "上海市"));
        assertEquals(1, result.getLong("total"));
        assertEquals("shanghai-bgt-2019", result.getString("hits[0].id"));
        List<String> highlights = result.getList("hits[0].highlights");
        assertFalse(highlights.isEmpty());
        assertTrue(highlights.stream().anyMatch(h -> h.contains("<em>复议</em>") || h.contains("<em>行政</em>")),
                highlights.toString());
        assertEquals("noncompliant", result.getString("hits[0].status"));
        assertEquals(2, result.getInt("hits[0].counts.error"));
    }

    @Test
    void textThatOccursNowhereFindsNothing() {
        assertEquals(0, search(Map.of("q", "量子计算机")).getLong("total"));
    }

    @Test
    void facetCountsAreExactAndEachIgnoresItsOwnFilter() {
        JsonPath all = search(Map.of("size", 0));
        assertEquals(31, all.getLong("total"));
        assertEquals(30, facet(all, "province", "福建省"));
        assertEquals(1, facet(all, "province", "上海市"));
        assertEquals(3, facet(all, "status", "compliant"));
        assertEquals(27, facet(all, "status", "warnings"));
        assertEquals(1, facet(all, "status", "noncompliant"));
        assertEquals(26, facet(all, "year", "2022") + facet(all, "year", "2012"));
        assertEquals(10, facet(all, "late", "true"));
        assertEquals(21, facet(all, "late", "false"));
        assertEquals(1, facet(all, "ruleCode", "S3.ROW_TOTAL"));
        assertEquals(3, facet(all, "ruleCode", "TEXT.NARRATIVE_MISMATCH"));
        assertEquals(26, facet(all, "publishMonth", "2022-02"));

        JsonPath shanghai = search(Map.of("province", "上海市", "size", 0));
        assertEquals(1, shanghai.getLong("total"));
        assertEquals(30, facet(shanghai, "province", "福建省"), "own facet keeps counting the other values");
        assertEquals(0, facet(shanghai, "status", "compliant"), "other facets count under the filter");
        assertEquals(1, facet(shanghai, "status", "noncompliant"));
        assertEquals(1, facet(shanghai, "formatVersion", "2019"));
        assertEquals(0, facet(shanghai, "formatVersion", "2021"));
    }

    @Test
    void filtersCombineAndValuesOfOneFacetAreOred() {
        JsonPath warningsLate = search(Map.of("status", "warnings", "late", "true"));
        assertEquals(10, warningsLate.getLong("total"));
        JsonPath twoYears = given().queryParam("year", "2019", "2021").get("/api/search").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, twoYears.getLong("total"));
        JsonPath byRule = search(Map.of("ruleCode", "S3.ROW_TOTAL"));
        assertEquals(List.of("shanghai-bgt-2019"), byRule.getList("hits.id"));
    }

    @Test
    void searchAfterPagesThroughEveryResultOnce() {
        List<String> ids = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("county", IndexedFixtures.PAGING_COUNTY).queryParam("size", 10)
                    .queryParam("sort", "year_desc");
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/search").then().statusCode(200).extract().jsonPath();
            assertEquals(IndexedFixtures.PAGING_REPORTS, page.getLong("total"));
            ids.addAll(page.getList("hits.id"));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(IndexedFixtures.PAGING_REPORTS, ids.size());
        assertEquals(IndexedFixtures.PAGING_REPORTS, new HashSet<>(ids).size());
    }

    @Test
    void badParametersAreRejected() {
        given().queryParam("sort", "sideways").get("/api/search").then().statusCode(400)
                .body("error", containsString("sort"));
        given().queryParam("size", 1000).get("/api/search").then().statusCode(400);
        given().queryParam("after", "@@").get("/api/search").then().statusCode(400);
    }

    @Test
    void reportPageLaysOutTablesWithFindings() {
        JsonPath report = given().get("/api/reports/shanghai-bgt-2019").then().statusCode(200).extract().jsonPath();
        assertEquals("上海市人民政府办公厅", report.getString("agency"));
        assertEquals("三", report.getString("tables[5].section"));
        assertEquals("s3.granted.total", report.getString("tables[5].rows[2].cells[6].key"));
        assertEquals(List.of(0, 2), report.getList("tables[5].rows[2].cells[6].findings"));
        assertEquals(821, report.getInt("tables[5].rows[0].cells[0].value"));
        assertEquals("S3.ROW_TOTAL", report.getString("findings[0].code"));
        assertEquals(1, report.getList("history").size());
        assertEquals(List.of(), report.getList("parseWarnings"), "read without doubt: nothing to warn about");
        assertTrue(report.getString("originalUrl").contains("/api/originals/0470"));
        given().get("/api/reports/no-such-report").then().statusCode(404);
    }

    @Test
    void olderEventNeverOverwritesNewerAndHistoryKeepsBoth() throws Exception {
        String scratch = "nianbao-reports-it-versions";
        if (es.indices().exists(e -> e.index(scratch)).value()) {
            es.indices().delete(d -> d.index(scratch));
        }
        repository.createIndex(scratch, false);
        ObjectNode newer = TestEvents.synthetic("pingtan-syq-2021", "versioned", "版本县", 2021, false, "compliant");
        ((ObjectNode) newer.get("report").get("source")).put("version", 3).put("sha256", "c".repeat(64));
        ObjectNode older = newer.deepCopy();
        ((ObjectNode) older.get("report").get("source")).put("version", 2).put("sha256", "b".repeat(64));
        ((ObjectNode) older.get("report")).put("title", "旧版本标题");
        older.put("validatedAt", "2030-01-01T00:00:00Z");

        assertEquals(ProjectionService.Outcome.WRITTEN, projection.apply(scratch, newer.toString()));
        assertEquals(ProjectionService.Outcome.STALE, projection.apply(scratch, older.toString()));
        JsonNode stored = repository.find(scratch, "versioned").orElseThrow().source();
        assertEquals("版本县2021年政府信息公开工作年度报告", stored.get("title").asText());
        assertEquals(2, stored.get("history").size());
        assertEquals(2, stored.get("history").get(0).get("version").asInt());
        assertEquals("b".repeat(64), stored.get("history").get(0).get("sha256").asText());
        assertEquals(3, stored.get("history").get(1).get("version").asInt());

        ObjectNode revalidated = newer.deepCopy();
        revalidated.put("validatedAt", "2031-01-01T00:00:00Z").put("status", "noncompliant");
        assertEquals(ProjectionService.Outcome.WRITTEN, projection.apply(scratch, revalidated.toString()));
        assertEquals(ProjectionService.Outcome.WRITTEN, projection.apply(scratch, revalidated.toString()));
        assertEquals(ProjectionService.Outcome.STALE, projection.apply(scratch, newer.toString()));
        repository.refresh(scratch);
        stored = repository.find(scratch, "versioned").orElseThrow().source();
        assertEquals("noncompliant", stored.get("status").asText());
        assertEquals(2, stored.get("history").size());
        assertEquals(1, IndexedFixtures.count(es, scratch, "versioned"));
        es.indices().delete(d -> d.index(scratch));
    }

    @Test
    void csvExportStreamsEveryMatchingReport() {
        byte[] body = given().queryParam("county", IndexedFixtures.PAGING_COUNTY).get("/api/export.csv").then()
                .statusCode(200).header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        assertEquals((byte) 0xEF, body[0]);
        String csv = new String(body, StandardCharsets.UTF_8);
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(1 + IndexedFixtures.PAGING_REPORTS, lines.length);
        assertEquals(String.join(",", ExportService.header()), lines[0]);
        assertEquals(ExportService.META_COLUMNS.size() + CellCatalogue.allKeys().size(), lines[1].split(",", -1).length);
        int newTotal = ExportService.header().indexOf("s3.new.total");
        assertEquals("70", lines[1].split(",", -1)[newTotal]);

        String all = given().get("/api/export.csv").then().statusCode(200).extract().asString();
        assertTrue(all.split("\r\n").length >= 32, "every report of the index, without a filter");
    }

    @Test
    void statsCountStatusPerYearAndLateReportsPerCounty() {
        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(25, stats.getInt("statusByYear.find { it.year == '2022' }.byStatus.warnings"));
        assertEquals(1, stats.getInt("statusByYear.find { it.year == '2019' }.byStatus.noncompliant"));
        assertEquals(IndexedFixtures.PAGING_COUNTY, stats.getString("lateByCounty[0].county"));
        assertEquals(10, stats.getInt("lateByCounty[0].late"));
        assertEquals(1, stats.getList("lateByCounty").size());
    }

    @Test
    void agencyYearsListOneAgencyOldestFirst() {
        JsonPath years = given().get("/api/agencies/平潭综合实验区/years").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2012, 2018, 2019, 2021, 2023), years.getList("years.year"));
        assertEquals(70, years.getInt("years[3].cells.'s3.new.total'"));
        given().get("/api/agencies/nobody/years").then().statusCode(404);
    }

    @Test
    void readinessReportsElasticsearchAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("elasticsearch-report-index"))
                .body("checks.find { it.name == 'elasticsearch-report-index' }.data.aliasExists", equalTo(true))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.status", everyItem(equalTo("UP")));
        assertNotNull(repository.aliasTargets());
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/search'.get.parameters.name", hasItem("ruleCode"))
                .body("paths.'/api/export.csv'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/nothing'", nullValue());
    }
}
