package org.nianbao.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Content-addressed originals. */
@ApplicationScoped
public class OriginalRepository implements PanacheRepositoryBase<OriginalEntity, String> {
}
