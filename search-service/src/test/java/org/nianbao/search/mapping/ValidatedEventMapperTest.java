package org.nianbao.search.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.search.TestEvents;

class ValidatedEventMapperTest {

    private final ValidatedEventMapper mapper = new ValidatedEventMapper(TestEvents.JSON);

    @Test
    void mapsMetadataFacetsAndCellsOfA2021Report() {
        ReportProjection p = mapper.map(TestEvents.raw("pingtan-syq-2021"));
        JsonNode doc = p.document();
        assertEquals("pingtan-syq-2021", p.reportId());
        assertEquals("平潭综合实验区2021年度政府信息公开工作年度报告", doc.get("title").asText());
        assertEquals("福建省", doc.get("province").asText());
        assertEquals("平潭县", doc.get("county").asText());
        assertEquals(2021, doc.get("year").asInt());
        assertEquals("2022-02", doc.get("publishMonth").asText());
        assertEquals("2021", doc.get("formatVersion").asText());
        assertEquals("compliant", doc.get("status").asText());
        assertEquals(false, doc.get("late").asBoolean());
        assertEquals(70, doc.get("cells").get("s3.new.total").asInt());
        assertEquals(24252.311082, doc.get("cells").get("s2.fees.amount").asDouble());
        assertEquals(7, doc.get("sections").size());
        assertEquals(2, p.sourceVersion());
        assertEquals(2, p.historyEntry().get("version").asLong());
        assertEquals(64, p.historyEntry().get("sha256").asText().length());
    }

    @Test
    void collectsRuleCodesAndErrorCodesOnce() {
        JsonNode doc = mapper.map(TestEvents.raw("shanghai-bgt-2019")).document();
        assertEquals("[\"S3.ROW_TOTAL\",\"TEXT.NARRATIVE_MISMATCH\",\"CELL.BLANK\"]", doc.get("ruleCodes").toString());
        assertEquals("[\"S3.ROW_TOTAL\"]", doc.get("errorCodes").toString());
        assertEquals("noncompliant", doc.get("status").asText());
        assertTrue(doc.get("cells").get("s3.granted.total").isNull(), "blank cells stay null");
        assertEquals(2, doc.get("counts").get("error").asInt());
    }

    @Test
    void agencyKeyFallsBackToAgencyName() {
        ObjectNode event = TestEvents.json("pingtan-syq-2019");
        event.remove("agencyKey");
        assertEquals("平潭综合实验区", mapper.map(event).document().get("agencyKey").asText());
    }

    @Test
    void versionOrdersBySourceVersionThenValidatedAt() {
        long v1Late = ValidatedEventMapper.externalVersion(1, Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
        long v2Early = ValidatedEventMapper.externalVersion(2, Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
        long v2Later = ValidatedEventMapper.externalVersion(2, Instant.parse("2020-01-02T00:00:00Z").toEpochMilli());
        assertTrue(v1Late < v2Early);
        assertTrue(v2Early < v2Later);
        ObjectNode event = TestEvents.json("pingtan-syq-2021");
        event.put("validatedAt", "2022-02-08T17:00:00+08:00");
        assertEquals(2 * ValidatedEventMapper.VERSION_MULTIPLIER + Instant.parse("2022-02-08T09:00:00Z").toEpochMilli(),
                mapper.map(event).version());
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                bad("schemaVersion 2", e -> e.put("schemaVersion", 2)),
                bad("no reportId", e -> e.remove("reportId")),
                bad("blank reportId", e -> e.put("reportId", " ")),
                bad("no report", e -> e.remove("report")),
                bad("unknown status", e -> e.put("status", "ok")),
                bad("bad validatedAt", e -> e.put("validatedAt", "yesterday")),
                bad("findings not array", e -> e.put("findings", "none")),
                bad("finding without code", e -> ((ObjectNode) e.withArray("findings").addObject()).put("severity", "error")),
                bad("cell as text", e -> ((ObjectNode) e.get("report").get("cells")).put("s3.new.total", "70")),
                bad("non-canonical key", e -> ((ObjectNode) e.get("report").get("cells")).put("S3 new", 1)),
                bad("year as text", e -> ((ObjectNode) e.get("report")).put("year", "2021")),
                bad("sections not array", e -> ((ObjectNode) e.get("report")).put("sections", "x")));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void rejectsInvalidEvents(String name, Consumer<ObjectNode> change) {
        ObjectNode event = TestEvents.json("pingtan-syq-2021");
        change.accept(event);
        assertThrows(InvalidEventException.class, () -> mapper.map(event.toString()));
    }

    @Test
    void rejectsNonJson() {
        assertThrows(InvalidEventException.class, () -> mapper.map("{not json"));
        assertThrows(InvalidEventException.class, () -> mapper.map(""));
        assertThrows(InvalidEventException.class, () -> mapper.map("[1]"));
    }
}
