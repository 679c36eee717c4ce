package org.nianbao.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One report as its source knows it (a URL, a file in a folder, an upload name), with its current version. */
@Entity
@Table(name = "report_source")
public class ReportSourceEntity {

    @Id
    @Column(name = "report_id", length = 20)
    public String reportId;

    @Column(name = "locator", nullable = false, unique = true)
    public String locator;

    @Column(name = "source_kind", nullable = false)
    public String sourceKind;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "draft", nullable = false)
    public boolean draft;

    /** JSON object of what the source said about the report (site name, list title, list date). */
    @Column(name = "hints")
    public String hints;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_checked_at", nullable = false)
    public Instant lastCheckedAt;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;
}
