package org.nianbao.validate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The register of agencies that must report. */
@ApplicationScoped
public class RegisteredAgencyRepository implements PanacheRepositoryBase<RegisteredAgencyEntity, String> {
}
