package org.nianbao.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Versions of reports: the history of their content. */
@ApplicationScoped
public class ReportVersionRepository implements PanacheRepositoryBase<ReportVersionEntity, ReportVersionEntity.Key> {

    public List<ReportVersionEntity> listForReport(String reportId) {
        return list("reportId = ?1 order by version", reportId);
    }

    public Optional<ReportVersionEntity> findVersion(String reportId, int version) {
        return find("reportId = ?1 and version = ?2", reportId, version).firstResultOptional();
    }

    public List<ReportVersionEntity> listUnemitted(int limit) {
        return find("emittedAt is null order by fetchedAt").page(0, limit).list();
    }

    /** Versions stored whose report.fetched Kafka has not acknowledged yet (the relay's backlog). */
    public long countUnemitted() {
        return count("emittedAt is null");
    }

    /** When the oldest version still waiting for its report.fetched was fetched; empty when none waits. */
    public Optional<Instant> oldestUnemitted() {
        return Optional.ofNullable(getEntityManager().createQuery(
                "select min(v.fetchedAt) from ReportVersionEntity v where v.emittedAt is null", Instant.class)
                .getSingleResult());
    }

    /** The newest version of every report, for a full replay. */
    public List<ReportVersionEntity> listCurrent() {
        return getEntityManager().createQuery(
                "select v from ReportVersionEntity v, ReportSourceEntity s"
                        + " where v.reportId = s.reportId and v.version = s.currentVersion order by v.reportId",
                ReportVersionEntity.class).getResultList();
    }
}
