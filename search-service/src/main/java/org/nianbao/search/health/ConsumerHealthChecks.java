package org.nianbao.search.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.messaging.ConsumerProgress;

/**
 * Health of the report.validated consumer: not ready while a record waits for Elasticsearch (nothing can be
 * consumed), not live when a record has been in hand longer than {@code nianbao.consumer.stuck-after} without
 * waiting for anything (a hung thread: restarting the service redelivers the record).
 */
@Startup
@ApplicationScoped
public class ConsumerHealthChecks {

    private final ConsumerProgress progress;
    private final Duration stuckAfter;

    public ConsumerHealthChecks(ConsumerProgress progress, SearchConfig config, MeterRegistry metrics) {
        this.progress = progress;
        progress.bindMetrics(metrics, "report-validated");
        this.stuckAfter = config.consumer().stuckAfter();
    }

    @Produces
    @Readiness
    HealthCheck consuming() {
        return () -> progress.readiness("report-validated-consumer");
    }

    @Produces
    @Liveness
    HealthCheck notHung() {
        return () -> progress.liveness("report-validated-consumer-not-hung", stuckAfter);
    }
}
