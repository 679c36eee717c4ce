package org.nianbao.validate.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A validated report as stored for history and re-checks (never a wire type; mapping/ converts). */
@Entity
@Table(name = "validated_report")
public class ValidatedReportEntity {

    @Id
    @Column(name = "report_id")
    private String reportId;
    @Column(name = "agency_key")
    private String agencyKey;
    private Integer year;
    @Column(name = "source_version")
    private int sourceVersion;
    @Column(name = "format_version")
    private String formatVersion;
    @Column(name = "published_at")
    private LocalDate publishedAt;
    private String status;
    @Column(name = "error_count")
    private int errorCount;
    @Column(name = "warning_count")
    private int warningCount;
    @Column(name = "info_count")
    private int infoCount;
    private Boolean late;
    private LocalDate deadline;
    @JdbcTypeCode(SqlTypes.JSON)
    private String cells;
    private String fingerprint;
    @JdbcTypeCode(SqlTypes.JSON)
    private String findings;
    @JdbcTypeCode(SqlTypes.JSON)
    private String report;
    @Column(name = "validated_at")
    private OffsetDateTime validatedAt;

    public String getReportId() { return reportId; }
    public void setReportId(String v) { reportId = v; }
    public String getAgencyKey() { return agencyKey; }
    public void setAgencyKey(String v) { agencyKey = v; }
    public Integer getYear() { return year; }
    public void setYear(Integer v) { year = v; }
    public int getSourceVersion() { return sourceVersion; }
    public void setSourceVersion(int v) { sourceVersion = v; }
    public String getFormatVersion() { return formatVersion; }
    public void setFormatVersion(String v) { formatVersion = v; }
    public LocalDate getPublishedAt() { return publishedAt; }
    public void setPublishedAt(LocalDate v) { publishedAt = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public int getErrorCount() { return errorCount; }
    public void setErrorCount(int v) { errorCount = v; }
    public int getWarningCount() { return warningCount; }
    public void setWarningCount(int v) { warningCount = v; }
    public int getInfoCount() { return infoCount; }
    public void setInfoCount(int v) { infoCount = v; }
    public Boolean getLate() { return late; }
    public void setLate(Boolean v) { late = v; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate v) { deadline = v; }
    public String getCells() { return cells; }
    public void setCells(String v) { cells = v; }
    public String getFingerprint() { return fingerprint; }
    public void setFingerprint(String v) { fingerprint = v; }
    public String getFindings() { return findings; }
    public void setFindings(String v) { findings = v; }
    public String getReport() { return report; }
    public void setReport(String v) { report = v; }
    public OffsetDateTime getValidatedAt() { return validatedAt; }
    public void setValidatedAt(OffsetDateTime v) { validatedAt = v; }
}
