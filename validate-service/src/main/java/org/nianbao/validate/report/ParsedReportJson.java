package org.nianbao.validate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.validate.rules.CellDetail;
import org.nianbao.validate.rules.FormatVersion;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.Section;

/** Reads the report.parsed v1 JSON body into the rules' view, shared by the CLI, REST API and Kafka consumer. */
public final class ParsedReportJson {

    private final ObjectMapper mapper;

    public ParsedReportJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode parse(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidReportException("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidReportException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public ParsedReportView read(String json) {
        return read(parse(json));
    }

    /** Validates the required shape (schemaVersion 1, cells, sections, warnings) and maps the body. */
    public ParsedReportView read(JsonNode n) {
        if (!n.path("schemaVersion").isInt() || n.path("schemaVersion").intValue() != 1) {
            throw new InvalidReportException("schemaVersion must be 1");
        }
        JsonNode cellsNode = n.get("cells");
        JsonNode sectionsNode = n.get("sections");
        if (cellsNode == null || !cellsNode.isObject() || sectionsNode == null || !sectionsNode.isArray()
                || !n.path("warnings").isArray()) {
            throw new InvalidReportException("cells (object), sections (array) and warnings (array) are required");
        }
        Map<String, Double> cells = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : cellsNode.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                cells.put(e.getKey(), null);
            } else if (v.isNumber()) {
                cells.put(e.getKey(), v.doubleValue());
            } else {
                throw new InvalidReportException("cell " + e.getKey() + " is neither a number nor null");
            }
        }
        Map<String, CellDetail> details = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("cellDetails").properties()) {
            details.put(e.getKey(), new CellDetail(text(e.getValue(), "raw"), text(e.getValue(), "unit")));
        }
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : sectionsNode) {
            if (!s.path("number").isInt()) {
                throw new InvalidReportException("section without an integer number");
            }
            sections.add(new Section(s.get("number").intValue(), text(s, "heading"), text(s, "text")));
        }
        String formatText = text(n, "formatVersion");
        FormatVersion format = FormatVersion.fromWire(formatText).orElse(null);
        if (formatText != null && format == null) {
            throw new InvalidReportException("unknown formatVersion " + formatText);
        }
        JsonNode source = n.path("source");
        JsonNode region = n.path("region");
        return new ParsedReportView(text(n, "reportId"), text(n, "title"), text(n, "agency"), text(n, "agencyKind"),
                text(n, "agencyLevel"), n.path("year").isInt() ? n.get("year").intValue() : null,
                date(text(n, "publishedAt")), format, text(region, "province"), text(region, "code"), sections,
                cells, details, source.path("version").isInt() ? source.get("version").intValue() : 1,
                source.path("draft").asBoolean(false));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidReportException("publishedAt is not an ISO date: " + value, e);
        }
    }
}
