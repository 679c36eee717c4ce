package org.nianbao.search.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One report.validated event turned into the Elasticsearch document, with the external version that decides
 * which of two events for the same report wins.
 *
 * @param reportId      the document id (= Kafka key)
 * @param version       {@link ValidatedEventMapper#externalVersion(long, long)} of the event
 * @param sourceVersion the version of the stored original the event was parsed from (0 when unknown)
 * @param document      the index document, without its {@code history} (merged later with what is stored)
 * @param historyEntry  this event's entry for the per-version history: version, sha256, fetchedAt, sourceUrl
 */
public record ReportProjection(String reportId, long version, long sourceVersion, ObjectNode document,
                               ObjectNode historyEntry) {
}
