package org.nianbao.parse.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * parse-service's reading of report.fetched v1 (schema copy: schemas/report.fetched.v1.schema.json, owned by
 * ingest-service); unknown fields are ignored so the producer can add optional ones.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportFetchedEvent(
        Integer schemaVersion,
        String reportId,
        Integer version,
        String sha256,
        String previousSha256,
        Long sizeBytes,
        String contentType,
        String fileName,
        String sourceUrl,
        String sourceKind,
        Boolean draft,
        String fetchedAt,
        String firstSeenAt,
        Map<String, String> hints) {
}
