package org.nianbao.validate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Finds validated reports by id and by agency history. */
@ApplicationScoped
public class ValidatedReportRepository implements PanacheRepositoryBase<ValidatedReportEntity, String> {

    /** Every stored report of an agency except one, oldest validation first (later ones win per year). */
    public List<ValidatedReportEntity> historyOf(String agencyKey, String exceptReportId) {
        return list("agencyKey = ?1 and reportId <> ?2 order by validatedAt", agencyKey, exceptReportId);
    }

    /** The most recently validated report of an agency for one year. */
    public Optional<ValidatedReportEntity> latestFor(String agencyKey, int year, String exceptReportId) {
        return find("agencyKey = ?1 and year = ?2 and reportId <> ?3 order by validatedAt desc", agencyKey, year,
                exceptReportId).firstResultOptional();
    }

    public boolean existsFor(String agencyKey, int year) {
        return count("agencyKey = ?1 and year = ?2", agencyKey, year) > 0;
    }
}
