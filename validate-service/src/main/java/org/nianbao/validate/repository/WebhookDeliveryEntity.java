package org.nianbao.validate.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One alert to one webhook endpoint, kept until delivered or given up, so alerts survive a restart or a receiver
 * that is down (status pending → delivered | failed; an administrator can requeue a failed one).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "endpoint_key")
    private String endpointKey;
    @Column(name = "endpoint_label")
    private String endpointLabel;
    private String event;
    @Column(name = "report_id")
    private String reportId;
    @Column(name = "agency_key")
    private String agencyKey;
    private Integer year;
    private String body;
    @Column(name = "dedupe_key")
    private String dedupeKey;
    private String status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    public Long getId() { return id; }
    public String getEndpointKey() { return endpointKey; }
    public void setEndpointKey(String v) { endpointKey = v; }
    public String getEndpointLabel() { return endpointLabel; }
    public void setEndpointLabel(String v) { endpointLabel = v; }
    public String getEvent() { return event; }
    public void setEvent(String v) { event = v; }
    public String getReportId() { return reportId; }
    public void setReportId(String v) { reportId = v; }
    public String getAgencyKey() { return agencyKey; }
    public void setAgencyKey(String v) { agencyKey = v; }
    public Integer getYear() { return year; }
    public void setYear(Integer v) { year = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getDedupeKey() { return dedupeKey; }
    public void setDedupeKey(String v) { dedupeKey = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int v) { attempts = v; }
    public OffsetDateTime getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(OffsetDateTime v) { nextAttemptAt = v; }
    public String getLastError() { return lastError; }
    public void setLastError(String v) { lastError = v; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime v) { createdAt = v; }
    public OffsetDateTime getDeliveredAt() { return deliveredAt; }
    public void setDeliveredAt(OffsetDateTime v) { deliveredAt = v; }
}
