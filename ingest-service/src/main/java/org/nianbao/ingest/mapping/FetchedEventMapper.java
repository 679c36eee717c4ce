package org.nianbao.ingest.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.ingest.repository.OriginalEntity;
import org.nianbao.ingest.repository.ReportSourceEntity;
import org.nianbao.ingest.repository.ReportVersionEntity;
import org.nianbao.ingest.schema.ReportFetchedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Turns stored rows into the report.fetched wire type and its JSON. */
@ApplicationScoped
public class FetchedEventMapper {

    private static final TypeReference<Map<String, String>> HINTS = new TypeReference<>() { };

    private final ObjectMapper json;

    public FetchedEventMapper(ObjectMapper json) {
        this.json = json;
    }

    public ReportFetchedEvent toEvent(ReportSourceEntity source, ReportVersionEntity version,
                                      OriginalEntity original, String previousSha256) {
        return new ReportFetchedEvent(
                ReportFetchedEvent.SCHEMA_VERSION,
                source.reportId,
                version.version,
                version.sha256,
                previousSha256,
                original.sizeBytes,
                original.contentType,
                source.fileName,
                source.sourceUrl,
                source.sourceKind,
                source.draft,
                version.fetchedAt.toString(),
                source.firstSeenAt.toString(),
                readHints(source.hints));
    }

    public String toJson(ReportFetchedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("report.fetched for " + event.reportId() + " is not serialisable", e);
        }
    }

    private Map<String, String> readHints(String hints) {
        if (hints == null || hints.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(hints, HINTS);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
