package org.nianbao.parse.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.parse.parser.ParseHints;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.schema.ReportFetchedEvent;

import java.util.Map;

/** Reads report.fetched JSON and writes report.parsed JSON; the only place the wire formats are touched. */
@ApplicationScoped
public class ParsedEventMapper {

    private final ObjectMapper json;

    public ParsedEventMapper(ObjectMapper json) {
        this.json = json;
    }

    /** Reads and checks an incoming event; throws {@link IllegalArgumentException} naming what is wrong. */
    public ReportFetchedEvent readFetched(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("report.fetched message has an empty payload");
        }
        ReportFetchedEvent event;
        try {
            event = json.readValue(payload, ReportFetchedEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report.fetched message is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (event.schemaVersion() == null || event.schemaVersion() != 1) {
            throw new IllegalArgumentException("unsupported report.fetched schemaVersion " + event.schemaVersion());
        }
        if (event.reportId() == null || event.sha256() == null || !event.sha256().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("report.fetched message lacks reportId or a valid sha256");
        }
        return event;
    }

    public ParseHints hints(ReportFetchedEvent event) {
        Map<String, String> h = event.hints() == null ? Map.of() : event.hints();
        return new ParseHints(blankToNull(h.get("siteName")), blankToNull(h.get("listTitle")),
                blankToNull(h.get("listDate")), blankToNull(h.get("province")));
    }

    /** The parsed report with the event's identity and source filled in. */
    public ParsedReport complete(ParsedReport report, ReportFetchedEvent event, String parsedAt) {
        ObjectNode source = json.createObjectNode();
        source.put("version", event.version() == null ? 1 : event.version());
        source.put("sha256", event.sha256());
        source.put("fileName", event.fileName());
        source.put("sourceUrl", event.sourceUrl());
        source.put("sourceKind", event.sourceKind());
        source.put("draft", Boolean.TRUE.equals(event.draft()));
        source.put("fetchedAt", event.fetchedAt());
        source.put("firstSeenAt", event.firstSeenAt());
        source.put("previousSha256", event.previousSha256());
        return report.withReportId(event.reportId()).withSource(source).withParsedAt(parsedAt);
    }

    public String toJson(ParsedReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report.parsed for " + report.reportId() + " is not serialisable", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
