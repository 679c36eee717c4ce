package org.nianbao.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.nianbao.ingest.repository.OriginalEntity;
import org.nianbao.ingest.repository.OriginalRepository;
import org.nianbao.ingest.repository.ReportSourceEntity;
import org.nianbao.ingest.repository.ReportSourceRepository;
import org.nianbao.ingest.repository.ReportVersionEntity;
import org.nianbao.ingest.repository.ReportVersionRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Stores originals and versions in one transaction, so a version never points at bytes that were not kept. */
@ApplicationScoped
public class OriginalStore {

    private final OriginalRepository originals;
    private final ReportSourceRepository sources;
    private final ReportVersionRepository versions;
    private final ObjectMapper json;
    private final Clock clock;

    public OriginalStore(OriginalRepository originals, ReportSourceRepository sources,
                         ReportVersionRepository versions, ObjectMapper json) {
        this.originals = originals;
        this.sources = sources;
        this.versions = versions;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public StoreOutcome store(byte[] content, SourceDescriptor source) {
        Instant now = clock.instant();
        String sha256 = ContentHashes.sha256(content);
        keepOriginal(sha256, content, source.contentType(), now);

        Optional<ReportSourceEntity> known = sources.findByLocator(source.locator());
        if (known.isEmpty()) {
            ReportSourceEntity created = newSource(source, now);
            sources.persist(created);
            addVersion(created.reportId, 1, sha256, now);
            return new StoreOutcome(created.reportId, 1, sha256, StoreOutcome.Change.NEW_REPORT);
        }
        ReportSourceEntity report = known.get();
        report.lastCheckedAt = now;
        ReportVersionEntity current = versions.findVersion(report.reportId, report.currentVersion).orElseThrow();
        if (current.sha256.equals(sha256)) {
            return new StoreOutcome(report.reportId, report.currentVersion, sha256, StoreOutcome.Change.UNCHANGED);
        }
        report.currentVersion++;
        addVersion(report.reportId, report.currentVersion, sha256, now);
        return new StoreOutcome(report.reportId, report.currentVersion, sha256, StoreOutcome.Change.NEW_VERSION);
    }

    @Transactional
    public void markEmitted(String reportId, int version) {
        versions.findVersion(reportId, version).ifPresent(v -> v.emittedAt = clock.instant());
    }

    @Transactional
    public Optional<byte[]> content(String sha256) {
        return originals.findByIdOptional(sha256).map(o -> o.content);
    }

    private void keepOriginal(String sha256, byte[] content, String contentType, Instant now) {
        if (originals.findByIdOptional(sha256).isPresent()) {
            return;
        }
        OriginalEntity original = new OriginalEntity();
        original.sha256 = sha256;
        original.sizeBytes = content.length;
        original.contentType = contentType;
        original.content = content;
        original.storedAt = now;
        originals.persist(original);
    }

    private ReportSourceEntity newSource(SourceDescriptor source, Instant now) {
        ReportSourceEntity entity = new ReportSourceEntity();
        entity.reportId = ContentHashes.reportId(source.locator());
        entity.locator = source.locator();
        entity.sourceKind = source.kind().wireName();
        entity.sourceUrl = source.sourceUrl();
        entity.fileName = source.fileName();
        entity.draft = source.kind() == SourceDescriptor.SourceKind.DRAFT;
        entity.hints = toJson(source);
        entity.firstSeenAt = now;
        entity.lastCheckedAt = now;
        entity.currentVersion = 1;
        return entity;
    }

    private void addVersion(String reportId, int version, String sha256, Instant now) {
        ReportVersionEntity entity = new ReportVersionEntity();
        entity.reportId = reportId;
        entity.version = version;
        entity.sha256 = sha256;
        entity.fetchedAt = now;
        versions.persist(entity);
    }

    private String toJson(SourceDescriptor source) {
        try {
            return json.writeValueAsString(source.hints());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("hints of " + source.locator() + " are not serialisable", e);
        }
    }
}
