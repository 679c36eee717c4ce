package org.nianbao.ingest.repository;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An original document's bytes, stored once under their sha256 so events can refer to them by hash. */
@Entity
@Table(name = "original")
public class OriginalEntity {

    @Id
    @Column(name = "sha256", length = 64)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "content_type")
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    public byte[] content;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
