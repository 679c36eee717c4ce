package org.nianbao.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRequestFactoryTest {

    private final SearchRequestFactory factory = new SearchRequestFactory(25);
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode render(Object request) throws Exception {
        return json.readTree(JsonpUtils.toJsonString((co.elastic.clients.json.JsonpSerializable) request,
                new JacksonJsonpMapper()));
    }

    @Test
    void eachFacetCountsUnderTheOtherFiltersOnly() throws Exception {
        SearchCriteria criteria = new SearchCriteria("行政复议",
                Map.of(Facet.PROVINCE, List.of("福建省"), Facet.YEAR, List.of("2021", "2023")),
                SearchSort.RELEVANCE, 10, null);
        JsonNode body = render(factory.search("nianbao-reports", criteria));

        JsonNode postFilter = body.at("/post_filter/bool/filter");
        assertEquals(2, postFilter.size());
        String provinceAgg = body.at("/aggregations/facet_province/filter").toString();
        assertFalse(provinceAgg.contains("福建省"), provinceAgg);
        assertTrue(provinceAgg.contains("2023"), provinceAgg);
        String yearAgg = body.at("/aggregations/facet_year/filter").toString();
        assertTrue(yearAgg.contains("福建省"));
        assertFalse(yearAgg.contains("2023"));
        String statusAgg = body.at("/aggregations/facet_status/filter").toString();
        assertTrue(statusAgg.contains("福建省") && statusAgg.contains("2023"));
        assertEquals(Facet.values().length, body.get("aggregations").size());
        assertEquals(25, body.at("/aggregations/facet_ruleCode/aggregations/values/terms/size").asInt());
        assertEquals("ruleCodes", body.at("/aggregations/facet_ruleCode/aggregations/values/terms/field").asText());
    }

    @Test
    void textQueryIsAnAndCrossFieldsMatchAndTotalsAreExact() throws Exception {
        JsonNode body = render(factory.search("i", SearchCriteria.of("政府信息", Map.of())));
        JsonNode mm = body.at("/query/multi_match");
        assertEquals("政府信息", mm.get("query").asText());
        assertEquals("and", mm.get("operator").asText());
        assertTrue(mm.get("fields").toString().contains("sections.text"));
        assertTrue(body.get("track_total_hits").asBoolean());
        assertEquals("<em>", body.at("/highlight/pre_tags/0").asText());
        assertEquals("html", body.at("/highlight/encoder").asText());
    }

    @Test
    void emptyTextMatchesAll() throws Exception {
        JsonNode body = render(factory.search("i", SearchCriteria.of("  ", Map.of())));
        assertTrue(body.at("/query/match_all").isObject());
        assertTrue(body.at("/post_filter/match_all").isObject());
    }

    @Test
    void everySortEndsOnTheReportIdAndCursorIsPassedAsSearchAfter() throws Exception {
        for (SearchSort sort : SearchSort.values()) {
            List<?> options = SearchRequestFactory.sortOptions(sort);
            assertTrue(options.get(options.size() - 1).toString().contains("reportId"), sort.name());
        }
        String cursor = Cursor.encode(List.of(FieldValue.of(2021L), FieldValue.of("a-1")));
        JsonNode body = render(factory.search("i", new SearchCriteria(null, Map.of(), SearchSort.YEAR_DESC, 5, cursor)));
        assertEquals("[2021,\"a-1\"]", body.get("search_after").toString());
        assertEquals("desc", body.at("/sort/0/year/order").asText());
    }

    @Test
    void lateFilterIsBoolean() throws Exception {
        JsonNode body = render(factory.search("i", SearchCriteria.of(null, Map.of(Facet.LATE, List.of("true")))));
        assertEquals("true", body.at("/post_filter/bool/filter/0/terms/late/0").toString());
    }

    @Test
    void exportPageFiltersInTheQueryAndSortsById() throws Exception {
        SearchCriteria criteria = SearchCriteria.of(null, Map.of(Facet.STATUS, List.of("noncompliant")));
        JsonNode body = render(factory.page("i", criteria, 500, List.of(FieldValue.of("x")), List.of("cells")));
        assertTrue(body.at("/query/bool/filter").toString().contains("{\"terms\":{\"status\":[\"noncompliant\"]}}"),
                body.get("query").toString());
        assertEquals(500, body.get("size").asInt());
        assertEquals("[\"x\"]", body.get("search_after").toString());
        assertTrue(body.at("/sort/0/reportId").isObject());
        assertFalse(body.has("aggregations"));
    }

    @Test
    void cursorRoundTripsAndRejectsGarbage() {
        List<FieldValue> values = List.of(FieldValue.of(1.5), FieldValue.of(7L), FieldValue.of("平潭-2021"),
                FieldValue.of(true));
        List<FieldValue> back = Cursor.decode(Cursor.encode(values));
        assertEquals(values.stream().map(FieldValue::_get).toList(), back.stream().map(FieldValue::_get).toList());
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode("!!!"));
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode("eA"));
        assertThrows(IllegalArgumentException.class, () -> SearchSort.parse("sideways"));
        assertEquals(SearchSort.YEAR_DESC, SearchSort.parse("year_desc"));
    }
}
