package org.nianbao.validate.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nianbao.validate.config.NianbaoConfig;
import org.nianbao.validate.repository.WebhookDeliveryEntity;
import org.nianbao.validate.repository.WebhookDeliveryRepository;

/**
 * Delivers queued alerts from the webhook outbox: polls due deliveries, signs and POSTs each, and records the outcome
 * (delivered; retried with doubling backoff on I/O errors, 408, 429 and 5xx; failed after the last attempt or on
 * any other answer). A claimed delivery is leased, so a crash mid-send only delays it and a second replica never
 * sends it at the same time.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final NianbaoConfig.Webhooks config;
    private final WebhookDeliveryRepository outbox;
    private final MeterRegistry metrics;
    private final HttpClient http;

    public WebhookDispatcher(NianbaoConfig config, WebhookDeliveryRepository outbox, MeterRegistry metrics) {
        this.config = config.webhooks();
        this.outbox = outbox;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.timeout()).build();
    }

    /** Refuses to start with an endpoint that would get unsigned alerts, naming it by position (URLs hold tokens). */
    void checkSigningKeys(@Observes StartupEvent event) {
        List<String> unsigned = new ArrayList<>();
        for (int i = 0; i < config.endpoints().size(); i++) {
            if (WebhookSigner.keyFor(config.endpoints().get(i), config).isEmpty()) {
                unsigned.add("nianbao.webhooks.endpoints[" + i + "]");
            }
        }
        if (!unsigned.isEmpty()) {
            throw new IllegalStateException("webhook endpoints without a signing key: " + unsigned + "; set "
                    + "nianbao.webhooks.secret (env NIANBAO_WEBHOOKS_SECRET) or the endpoint's own secret");
        }
    }

    @Scheduled(every = "${nianbao.webhooks.poll-interval:2s}", identity = "webhook-dispatch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatchDue();
    }

    /** Sends every delivery that is due now; returns how many were attempted. */
    public int dispatchDue() {
        int attempted = 0;
        while (true) {
            Duration lease = config.timeout().multipliedBy(BATCH).plusMinutes(1);
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> outbox.claimDue(BATCH, lease));
            for (Long id : ids) {
                deliver(id);
            }
            attempted += ids.size();
            if (ids.size() < BATCH) {
                return attempted;
            }
        }
    }

    private void deliver(long id) {
        WebhookDeliveryEntity d = QuarkusTransaction.requiringNew().call(() -> outbox.findById(id));
        if (d == null || !WebhookDeliveryEntity.PENDING.equals(d.getStatus())) {
            return;
        }
        Optional<NianbaoConfig.Endpoint> endpoint = config.endpoints().stream()
                .filter(e -> WebhookService.endpointKey(e.url()).equals(d.getEndpointKey())).findFirst();
        if (endpoint.isEmpty()) {
            record(id, Outcome.failed("endpoint " + d.getEndpointLabel() + " is no longer configured"));
            return;
        }
        record(id, attempt(endpoint.get(), d.getBody()));
    }

    private Outcome attempt(NianbaoConfig.Endpoint endpoint, String body) {
        URI uri;
        try {
            uri = WebhookService.guard(config).check(endpoint.url());
        } catch (UrlGuard.RefusedUrlException e) {
            return Outcome.failed(e.getMessage());
        }
        long ts = Instant.now().getEpochSecond();
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        WebhookSigner.keyFor(endpoint, config)
                .ifPresent(key -> req.header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(key, ts, body)));
        try {
            int code = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code >= 200 && code < 300) {
                return Outcome.DELIVERED;
            }
            boolean retryable = code == 408 || code == 429 || code >= 500;
            return retryable ? Outcome.retry("HTTP " + code) : Outcome.failed("HTTP " + code + " (not retried)");
        } catch (IOException e) {
            return Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
    }

    private void record(long id, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDeliveryEntity d = outbox.findById(id);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            d.setAttempts(d.getAttempts() + 1);
            d.setLastError(outcome.error());
            if (outcome == Outcome.DELIVERED) {
                d.setStatus(WebhookDeliveryEntity.DELIVERED);
                d.setDeliveredAt(now);
            } else if (outcome.retryable() && d.getAttempts() < config.maxAttempts()) {
                d.setNextAttemptAt(now.plus(backoff(d.getAttempts())));
                LOG.warnf("webhook %s: %s (attempt %d of %d, next at %s)", d.getEndpointLabel(), outcome.error(),
                        d.getAttempts(), config.maxAttempts(), d.getNextAttemptAt());
            } else {
                d.setStatus(WebhookDeliveryEntity.FAILED);
                LOG.errorf("webhook %s: delivery %d of %s given up after %d attempts: %s", d.getEndpointLabel(), id,
                        d.getEvent(), d.getAttempts(), outcome.error());
            }
            String tag = WebhookDeliveryEntity.PENDING.equals(d.getStatus()) ? "retry" : d.getStatus();
            metrics.counter("nianbao.webhook.deliveries", "outcome", tag).increment();
        });
    }

    /** Delay before attempt n+1: initial backoff doubled per attempt made, capped at an hour. */
    Duration backoff(int attemptsMade) {
        Duration d = config.initialBackoff().multipliedBy(1L << Math.min(20, attemptsMade - 1));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    @PreDestroy
    void stop() {
        http.shutdownNow();
    }

    /** Result of one attempt. */
    private record Outcome(boolean retryable, String error) {
        static final Outcome DELIVERED = new Outcome(false, null);

        static Outcome retry(String error) {
            return new Outcome(true, error);
        }

        static Outcome failed(String error) {
            return new Outcome(false, error);
        }
    }
}
