package org.nianbao.ingest.service;

/**
 * What storing a document did: a new report, a new version of a known one (its bytes changed), or nothing new.
 *
 * @param reportId the stable report id
 * @param version  the version the content now has
 * @param sha256   content address of the bytes
 * @param change   NEW_REPORT, NEW_VERSION or UNCHANGED
 */
public record StoreOutcome(String reportId, int version, String sha256, Change change) {

    /** Whether anything new was stored. */
    public enum Change { NEW_REPORT, NEW_VERSION, UNCHANGED }

    public boolean isNew() {
        return change != Change.UNCHANGED;
    }
}
