package org.nianbao.search.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a report.validated v1 JSON payload into the search document, failing loudly on anything the index could
 * not represent, so that bad input goes to the dead-letter topic instead of half a document.
 */
@ApplicationScoped
public class ValidatedEventMapper {

    /** Room for validatedAt in epoch millis below the source version: 10^13 ms is the year 2286. */
    public static final long VERSION_MULTIPLIER = 10_000_000_000_000L;

    private static final Set<String> STATUSES = Set.of("compliant", "warnings", "noncompliant");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper objectMapper;

    public ValidatedEventMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** External version: a newer original always wins; for the same original, the later validation wins. */
    public static long externalVersion(long sourceVersion, long validatedAtMillis) {
        if (sourceVersion < 0 || sourceVersion > Long.MAX_VALUE / VERSION_MULTIPLIER - 1) {
            throw new InvalidEventException("source.version out of range: " + sourceVersion);
        }
        if (validatedAtMillis < 0 || validatedAtMillis >= VERSION_MULTIPLIER) {
            throw new InvalidEventException("validatedAt out of range: " + validatedAtMillis);
        }
        return sourceVersion * VERSION_MULTIPLIER + validatedAtMillis;
    }

    public ReportProjection map(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("empty payload");
        }
        JsonNode event;
        try {
            event = objectMapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload is not JSON: " + e.getOriginalMessage(), e);
        }
        return map(event);
    }

    public ReportProjection map(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new InvalidEventException("payload is not a JSON object");
        }
        if (event.path("schemaVersion").asInt(-1) != 1) {
            throw new InvalidEventException("unsupported schemaVersion: " + event.path("schemaVersion"));
        }
        String reportId = requiredText(event, "reportId");
        JsonNode report = event.path("report");
        if (!report.isObject()) {
            throw new InvalidEventException("report is missing or not an object");
        }
        String status = requiredText(event, "status");
        if (!STATUSES.contains(status)) {
            throw new InvalidEventException("unknown status: " + status);
        }
        Instant validatedAt = instant(requiredText(event, "validatedAt"), "validatedAt");
        JsonNode source = report.path("source");
        long sourceVersion = source.isObject() ? source.path("version").asLong(0) : 0;

        ObjectNode doc = NODES.objectNode();
        doc.put("reportId", reportId);
        copyText(report, "title", doc, "title");
        copyText(report, "agency", doc, "agency");
        String agencyKey = textOrNull(event, "agencyKey");
        doc.put("agencyKey", agencyKey != null ? agencyKey : textOrNull(report, "agency"));
        copyText(report, "agencyKind", doc, "agencyKind");
        copyText(report, "agencyLevel", doc, "agencyLevel");
        JsonNode region = report.path("region");
        copyText(region, "province", doc, "province");
        copyText(region, "city", doc, "city");
        copyText(region, "county", doc, "county");
        copyText(region, "code", doc, "regionCode");
        JsonNode year = report.path("year");
        if (year.isIntegralNumber()) {
            doc.put("year", year.asInt());
        } else if (!year.isMissingNode() && !year.isNull()) {
            throw new InvalidEventException("report.year is not an integer: " + year);
        } else {
            doc.putNull("year");
        }
        String publishedAt = textOrNull(report, "publishedAt");
        doc.put("publishedAt", publishedAt);
        doc.put("publishMonth", publishedAt != null && publishedAt.length() >= 7 ? publishedAt.substring(0, 7) : null);
        copyText(report, "formatVersion", doc, "formatVersion");
        copyText(report, "inputType", doc, "inputType");
        doc.put("status", status);
        JsonNode late = event.path("late");
        if (late.isBoolean()) {
            doc.put("late", late.asBoolean());
        } else {
            doc.putNull("late");
        }
        doc.put("deadline", textOrNull(event, "deadline"));
        ObjectNode counts = doc.putObject("counts");
        for (String severity : new String[] {"error", "warning", "info"}) {
            counts.put(severity, event.path("counts").path(severity).asInt(0));
        }
        mapFindings(event.path("findings"), doc);
        doc.set("sections", sections(report.path("sections")));
        doc.set("cells", cells(report.path("cells")));
        doc.set("cellDetails", report.path("cellDetails").isObject() ? report.get("cellDetails") : NODES.objectNode());
        mapParseWarnings(report.path("warnings"), doc);
        doc.set("source", source.isObject() ? source : NODES.nullNode());
        doc.put("validatedAt", validatedAt.toString());
        doc.put("parsedAt", textOrNull(report, "parsedAt"));

        ObjectNode history = NODES.objectNode();
        history.put("version", sourceVersion);
        history.put("sha256", textOrNull(source, "sha256"));
        history.put("fetchedAt", textOrNull(source, "fetchedAt"));
        history.put("sourceUrl", textOrNull(source, "sourceUrl"));
        history.put("validatedAt", validatedAt.toString());
        return new ReportProjection(reportId, externalVersion(sourceVersion, validatedAt.toEpochMilli()), sourceVersion,
                doc, history);
    }

    private static void mapFindings(JsonNode findings, ObjectNode doc) {
        if (!findings.isArray()) {
            throw new InvalidEventException("findings is missing or not an array");
        }
        Set<String> codes = new LinkedHashSet<>();
        Set<String> errorCodes = new LinkedHashSet<>();
        for (JsonNode finding : findings) {
            String code = requiredText(finding, "code");
            codes.add(code);
            if ("error".equals(finding.path("severity").asText())) {
                errorCodes.add(code);
            }
        }
        doc.set("ruleCodes", textArray(codes));
        doc.set("errorCodes", textArray(errorCodes));
        doc.set("findings", findings);
    }

    private static void mapParseWarnings(JsonNode warnings, ObjectNode doc) {
        Set<String> codes = new LinkedHashSet<>();
        if (warnings.isArray()) {
            warnings.forEach(w -> {
                if (w.path("code").isTextual()) {
                    codes.add(w.get("code").asText());
                }
            });
        }
        doc.set("parseWarningCodes", textArray(codes));
        doc.set("parseWarnings", warnings.isArray() ? warnings : NODES.arrayNode());
    }

    private static ArrayNode sections(JsonNode sections) {
        ArrayNode out = NODES.arrayNode();
        if (sections.isMissingNode() || sections.isNull()) {
            return out;
        }
        if (!sections.isArray()) {
            throw new InvalidEventException("report.sections is not an array");
        }
        for (JsonNode section : sections) {
            ObjectNode s = out.addObject();
            s.put("number", section.path("number").asInt(0));
            s.put("heading", section.path("heading").asText(""));
            s.put("text", section.path("text").asText(""));
        }
        return out;
    }

    /** Keeps the canonical dotted keys as they are: Elasticsearch expands {@code s3.new.total} to {@code cells.s3.new.total}. */
    private static ObjectNode cells(JsonNode cells) {
        ObjectNode out = NODES.objectNode();
        if (cells.isMissingNode() || cells.isNull()) {
            return out;
        }
        if (!cells.isObject()) {
            throw new InvalidEventException("report.cells is not an object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = cells.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> cell = fields.next();
            String key = cell.getKey();
            if (!key.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
                throw new InvalidEventException("cell key is not canonical: " + key);
            }
            JsonNode value = cell.getValue();
            if (value.isNull()) {
                out.putNull(key);
            } else if (value.isNumber()) {
                out.set(key, value);
            } else {
                throw new InvalidEventException("cell " + key + " is not a number or null: " + value);
            }
        }
        return out;
    }

    private static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO date-time: " + text, e);
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidEventException(field + " is missing or not a string");
        }
        return value.asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static void copyText(JsonNode from, String field, ObjectNode to, String target) {
        to.put(target, textOrNull(from, field));
    }

    private static ArrayNode textArray(Set<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
