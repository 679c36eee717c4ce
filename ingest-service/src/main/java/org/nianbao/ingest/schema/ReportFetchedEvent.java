package org.nianbao.ingest.schema;

import java.util.Map;

/**
 * The report.fetched v1 wire type (schema: schemas/report.fetched.v1.schema.json); kept apart from the JPA entities
 * so the database can change without changing the contract.
 */
public record ReportFetchedEvent(
        int schemaVersion,
        String reportId,
        int version,
        String sha256,
        String previousSha256,
        long sizeBytes,
        String contentType,
        String fileName,
        String sourceUrl,
        String sourceKind,
        boolean draft,
        String fetchedAt,
        String firstSeenAt,
        Map<String, String> hints) {

    public static final int SCHEMA_VERSION = 1;
}
