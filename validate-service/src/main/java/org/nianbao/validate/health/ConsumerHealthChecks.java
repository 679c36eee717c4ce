package org.nianbao.validate.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.nianbao.validate.config.NianbaoConfig;
import org.nianbao.validate.messaging.ConsumerProgress;

/**
 * Health of the report.parsed consumer: not ready while a record waits for PostgreSQL or Kafka (nothing can be
 * consumed), not live when a record has been in hand longer than {@code nianbao.consumer.stuck-after} without
 * waiting for anything (a hung thread: restarting the service redelivers the record).
 */
@Startup
@ApplicationScoped
public class ConsumerHealthChecks {

    private final ConsumerProgress progress;
    private final Duration stuckAfter;

    public ConsumerHealthChecks(ConsumerProgress progress, NianbaoConfig config, MeterRegistry metrics) {
        this.progress = progress;
        progress.bindMetrics(metrics, "report-parsed");
        this.stuckAfter = config.consumer().stuckAfter();
    }

    @Produces
    @Readiness
    HealthCheck consuming() {
        return () -> progress.readiness("report-parsed-consumer");
    }

    @Produces
    @Liveness
    HealthCheck notHung() {
        return () -> progress.liveness("report-parsed-consumer-not-hung", stuckAfter);
    }
}
