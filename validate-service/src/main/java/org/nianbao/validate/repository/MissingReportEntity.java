package org.nianbao.validate.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recorded PUBLISH.MISSING finding, so each missing report is alerted once. */
@Entity
@Table(name = "missing_report")
public class MissingReportEntity {

    /** Agency and report year. */
    @Embeddable
    public record Key(@Column(name = "agency_key") String agencyKey, @Column(name = "year") int year)
            implements Serializable {
    }

    @EmbeddedId
    private Key id;
    private LocalDate deadline;
    @JdbcTypeCode(SqlTypes.JSON)
    private String finding;
    @Column(name = "detected_at")
    private OffsetDateTime detectedAt;

    public Key getId() { return id; }
    public void setId(Key v) { id = v; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate v) { deadline = v; }
    public String getFinding() { return finding; }
    public void setFinding(String v) { finding = v; }
    public OffsetDateTime getDetectedAt() { return detectedAt; }
    public void setDetectedAt(OffsetDateTime v) { detectedAt = v; }
}
