package org.nianbao.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One distinct content of a report; a second row for the same report is an edit after publication. */
@Entity
@Table(name = "report_version")
@IdClass(ReportVersionEntity.Key.class)
public class ReportVersionEntity {

    @Id
    @Column(name = "report_id", length = 20)
    public String reportId;

    @Id
    @Column(name = "version")
    public int version;

    @Column(name = "sha256", nullable = false, length = 64)
    public String sha256;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    /** When report.fetched was acknowledged by Kafka; null means it still has to be (re)sent. */
    @Column(name = "emitted_at")
    public Instant emittedAt;

    /** Composite primary key (report id, version). */
    public record Key(String reportId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
