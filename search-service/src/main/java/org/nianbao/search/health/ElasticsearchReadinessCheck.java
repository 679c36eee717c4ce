package org.nianbao.search.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.nianbao.search.repository.ReportIndexRepository;

/** Ready only when the cluster answers (not red) and the report alias exists, i.e. searches can actually be served. */
@Readiness
@ApplicationScoped
public class ElasticsearchReadinessCheck implements HealthCheck {

    private final ReportIndexRepository repository;

    public ElasticsearchReadinessCheck(ReportIndexRepository repository) {
        this.repository = repository;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("elasticsearch-report-index");
        try {
            String status = repository.clusterStatus();
            boolean alias = repository.aliasExists();
            builder.withData("cluster", status).withData("alias", repository.alias()).withData("aliasExists", alias)
                    .withData("indices", String.join(",", repository.aliasTargets()));
            return builder.status(!"red".equals(status) && alias).build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
