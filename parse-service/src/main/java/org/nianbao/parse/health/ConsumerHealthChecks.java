package org.nianbao.parse.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.nianbao.parse.config.ParseConfig;
import org.nianbao.parse.messaging.ConsumerProgress;

/**
 * Health of the report.fetched consumer: not ready while a record waits for ingest-service (nothing can be
 * consumed), not live when a record has been in hand longer than {@code nianbao.parse.stuck-after} without waiting
 * for anything (a hung parse: restarting the service redelivers the record).
 */
@Startup
@ApplicationScoped
public class ConsumerHealthChecks {

    private final ConsumerProgress progress;
    private final Duration stuckAfter;

    public ConsumerHealthChecks(ConsumerProgress progress, ParseConfig config, MeterRegistry metrics) {
        this.progress = progress;
        progress.bindMetrics(metrics, "report-fetched");
        this.stuckAfter = config.stuckAfter();
    }

    @Produces
    @Readiness
    HealthCheck consuming() {
        return () -> progress.readiness("report-fetched-consumer");
    }

    @Produces
    @Liveness
    HealthCheck notHung() {
        return () -> progress.liveness("report-fetched-consumer-not-hung", stuckAfter);
    }
}
