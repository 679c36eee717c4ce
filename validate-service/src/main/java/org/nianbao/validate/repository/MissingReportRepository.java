package org.nianbao.validate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Recorded PUBLISH.MISSING findings. */
@ApplicationScoped
public class MissingReportRepository
        implements PanacheRepositoryBase<MissingReportEntity, MissingReportEntity.Key> {
}
