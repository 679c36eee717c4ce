package org.nianbao.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.nianbao.ingest.mapping.FetchedEventMapper;
import org.nianbao.ingest.repository.OriginalRepository;
import org.nianbao.ingest.repository.ReportSourceRepository;
import org.nianbao.ingest.repository.ReportVersionEntity;
import org.nianbao.ingest.repository.ReportVersionRepository;
import org.nianbao.ingest.schema.ReportFetchedEvent;

import java.util.List;

/** Builds report.fetched events from what is stored, for first emission, the relay and replays alike. */
@ApplicationScoped
public class VersionEvents {

    private final ReportSourceRepository sources;
    private final ReportVersionRepository versions;
    private final OriginalRepository originals;
    private final FetchedEventMapper mapper;

    public VersionEvents(ReportSourceRepository sources, ReportVersionRepository versions,
                         OriginalRepository originals, FetchedEventMapper mapper) {
        this.sources = sources;
        this.versions = versions;
        this.originals = originals;
        this.mapper = mapper;
    }

    @Transactional
    public ReportFetchedEvent event(String reportId, int version) {
        return toEvent(versions.findVersion(reportId, version)
                .orElseThrow(() -> new IllegalArgumentException("no version " + version + " of report " + reportId)));
    }

    @Transactional
    public List<ReportFetchedEvent> unemitted(int limit) {
        return versions.listUnemitted(limit).stream().map(this::toEvent).toList();
    }

    @Transactional
    public List<ReportFetchedEvent> currentVersions() {
        return versions.listCurrent().stream().map(this::toEvent).toList();
    }

    @Transactional
    public List<ReportFetchedEvent> allVersions(String reportId) {
        return versions.listForReport(reportId).stream().map(this::toEvent).toList();
    }

    private ReportFetchedEvent toEvent(ReportVersionEntity version) {
        String previous = version.version > 1
                ? versions.findVersion(version.reportId, version.version - 1).map(v -> v.sha256).orElse(null)
                : null;
        return mapper.toEvent(sources.findById(version.reportId), version, originals.findById(version.sha256), previous);
    }
}
