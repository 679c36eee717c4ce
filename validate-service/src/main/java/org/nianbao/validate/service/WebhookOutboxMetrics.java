package org.nianbao.validate.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.nianbao.validate.repository.WebhookDeliveryEntity;
import org.nianbao.validate.repository.WebhookDeliveryRepository;

/**
 * Exports the webhook outbox's backlog for alerting: deliveries pending ({@code nianbao_outbox_pending{outbox=
 * "webhooks"}}) and how long the oldest has waited ({@code nianbao_outbox_oldest_seconds}); a growing or ageing
 * backlog means receivers are away or the poller stalls.
 */
@ApplicationScoped
public class WebhookOutboxMetrics {

    private static final Logger LOG = Logger.getLogger(WebhookOutboxMetrics.class);

    private final WebhookDeliveryRepository outbox;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public WebhookOutboxMetrics(WebhookDeliveryRepository outbox, MeterRegistry registry) {
        this.outbox = outbox;
        Gauge.builder("nianbao.outbox.pending", pending, AtomicLong::get).tag("outbox", "webhooks").register(registry);
        Gauge.builder("nianbao.outbox.oldest.seconds", oldestSeconds, AtomicLong::get).tag("outbox", "webhooks")
                .register(registry);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        try {
            pending.set(outbox.countByStatus(WebhookDeliveryEntity.PENDING));
            oldestSeconds.set(outbox.oldestPending()
                    .map(t -> Math.max(0, Duration.between(t, OffsetDateTime.now()).toSeconds())).orElse(0L));
        } catch (RuntimeException e) {
            LOG.debugf("webhook outbox metrics not refreshed (database away?): %s", e.toString());
        }
    }
}
