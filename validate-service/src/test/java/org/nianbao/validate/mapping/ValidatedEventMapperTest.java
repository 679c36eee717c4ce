package org.nianbao.validate.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.validate.report.ParsedReportJson;
import org.nianbao.validate.repository.ValidatedReportEntity;
import org.nianbao.validate.rules.Fixtures;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.ReportHistory;
import org.nianbao.validate.rules.ValidationResult;
import org.nianbao.validate.rules.Validator;

/** The produced event honours report.validated v1 (required fields, enums) and the stored row round-trips history. */
class ValidatedEventMapperTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ReportRowMapper rows = new ReportRowMapper(mapper);
    private final ValidatedEventMapper events = new ValidatedEventMapper(mapper, rows);

    private JsonNode schema() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/report.validated.v1.schema.json")) {
            return mapper.readTree(in);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }

    @Test
    void eventHasEveryRequiredFieldAndOnlySchemaEnumValues() throws IOException {
        String json = Fixtures.json("pingtan-syq-2020-outcome-off");
        JsonNode body = mapper.readTree(json);
        ParsedReportView report = new ParsedReportJson(mapper).read(body);
        ValidationResult result = Validator.defaults().validate(report, ReportHistory.empty(), Fixtures.CTX);
        ValidatedReportEntity row = new ValidatedReportEntity();
        rows.fill(row, report, body, result, OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        ObjectNode event = events.toEvent(row);

        JsonNode schema = schema();
        schema.get("required").forEach(f -> assertTrue(event.has(f.asText()), "missing " + f.asText()));
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals(body, event.get("report"), "parsed body unchanged");
        assertEquals("2026-01-02T03:04:05Z", event.get("validatedAt").asText());
        assertTrue(strings(schema.at("/properties/status/enum")).contains(event.get("status").asText()));
        JsonNode findingSchema = schema.at("/properties/findings/items");
        Set<String> severities = strings(findingSchema.at("/properties/severity/enum"));
        assertTrue(event.get("findings").size() > 0);
        for (JsonNode f : event.get("findings")) {
            findingSchema.get("required").forEach(r -> assertTrue(f.has(r.asText()), "finding lacks " + r));
            assertTrue(severities.contains(f.get("severity").asText()));
            assertTrue(f.get("expected").isNull() || f.get("expected").isNumber() || f.get("expected").isTextual());
        }
        assertEquals(result.counts().error(), event.at("/counts/error").asInt());
        assertEquals("2021-03-31", event.get("deadline").asText());
        assertEquals(false, event.get("late").asBoolean());
    }

    @Test
    void storedRowServesAsHistory() throws IOException {
        JsonNode body = mapper.readTree(Fixtures.json("pingtan-syq-2021"));
        ParsedReportView report = new ParsedReportJson(mapper).read(body);
        ValidatedReportEntity row = new ValidatedReportEntity();
        rows.fill(row, report, body, Validator.defaults().validate(report, ReportHistory.empty(), Fixtures.CTX),
                OffsetDateTime.now(ZoneOffset.UTC));
        PriorReport prior = rows.toPrior(row);
        assertEquals(2021, prior.year());
        assertEquals(report.cells(), prior.cells());
        assertEquals(1.0, org.nianbao.validate.rules.TextFingerprint.of(report.narrative())
                .containedIn(prior.fingerprint()), 1e-9);
    }
}
