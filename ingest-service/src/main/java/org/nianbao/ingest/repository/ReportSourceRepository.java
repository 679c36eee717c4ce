package org.nianbao.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Known reports by stable id and locator. */
@ApplicationScoped
public class ReportSourceRepository implements PanacheRepositoryBase<ReportSourceEntity, String> {

    public Optional<ReportSourceEntity> findByLocator(String locator) {
        return find("locator", locator).firstResultOptional();
    }

    /** Crawled reports, the ones worth fetching again to notice silent edits. */
    public List<ReportSourceEntity> listCrawled() {
        return list("sourceKind = ?1 order by lastCheckedAt", "crawl");
    }
}
