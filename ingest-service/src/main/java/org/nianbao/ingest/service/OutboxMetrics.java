package org.nianbao.ingest.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.nianbao.ingest.repository.ReportVersionRepository;

/**
 * Exports the relay's backlog for alerting: versions stored whose report.fetched Kafka has not acknowledged yet
 * ({@code nianbao_outbox_pending{outbox="report.fetched"}}) and how long the oldest has waited
 * ({@code nianbao_outbox_oldest_seconds}); a backlog that grows or ages means Kafka is away or the relay stalls.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final ReportVersionRepository versions;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public OutboxMetrics(ReportVersionRepository versions, MeterRegistry registry) {
        this.versions = versions;
        Gauge.builder("nianbao.outbox.pending", pending, AtomicLong::get).tag("outbox", "report.fetched")
                .register(registry);
        Gauge.builder("nianbao.outbox.oldest.seconds", oldestSeconds, AtomicLong::get).tag("outbox", "report.fetched")
                .register(registry);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        try {
            pending.set(versions.countUnemitted());
            oldestSeconds.set(versions.oldestUnemitted()
                    .map(t -> Math.max(0, Duration.between(t, Instant.now()).toSeconds())).orElse(0L));
        } catch (RuntimeException e) {
            LOG.debugf("outbox metrics not refreshed (database away?): %s", e.toString());
        }
    }
}
