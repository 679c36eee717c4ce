package org.nianbao.validate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nianbao.validate.config.NianbaoConfig;
import org.nianbao.validate.report.InvalidReportException;
import org.nianbao.validate.service.ValidationOutcome;
import org.nianbao.validate.service.ValidationService;
import org.nianbao.validate.service.WebhookService;

/**
 * Consumes report.parsed: validation and storage commit first, then report.validated is published and alerts are
 * queued. A bad payload throws at once so the message goes to report.parsed.dlq with the reason in its headers; a
 * transient fault (PostgreSQL or Kafka away) is retried with doubling backoff until it passes, never dead-lettered,
 * while readiness says what the consumer waits for; any other failure is tried a few times, then dead-lettered.
 * Records are processed one at a time, in order (a report's history must see its versions in order).
 */
@ApplicationScoped
public class ParsedReportConsumer {

    private static final Logger LOG = Logger.getLogger(ParsedReportConsumer.class);
    private static final int OTHER_FAILURE_ATTEMPTS = 3;

    private final ValidationService validation;
    private final ValidatedReportPublisher publisher;
    private final WebhookService webhooks;
    private final ConsumerProgress progress;
    private final NianbaoConfig.Consumer settings;

    public ParsedReportConsumer(ValidationService validation, ValidatedReportPublisher publisher,
                                WebhookService webhooks, ConsumerProgress progress, NianbaoConfig config) {
        this.validation = validation;
        this.publisher = publisher;
        this.webhooks = webhooks;
        this.progress = progress;
        this.settings = config.consumer();
    }

    @Incoming("report-parsed")
    @Blocking(ordered = true)
    public void consume(String payload) {
        progress.started();
        try {
            consumeInHand(payload);
        } finally {
            progress.finished();
        }
    }

    private void consumeInHand(String payload) {
        Duration pause = settings.retryBackoff();
        int otherFailures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                handle(payload);
                return;
            } catch (InvalidReportException e) {
                throw e; // bad input: straight to the dead-letter topic
            } catch (RuntimeException e) {
                String dependency = TransientFaults.dependencyOf(e);
                if (dependency == null && ++otherFailures >= OTHER_FAILURE_ATTEMPTS) {
                    throw e; // neither bad input nor a dependency away, and it persists: dead-letter it, replayable
                }
                if (dependency != null) {
                    progress.waitingFor(dependency, e.toString());
                }
                LOG.warnf("report.parsed processing failed (attempt %d, %s), retrying in %d ms: %s", attempt,
                        dependency == null ? "unexpected" : dependency + " unavailable", pause.toMillis(), e);
                sleepThroughInterrupts(pause);
                pause = pause.multipliedBy(2).compareTo(settings.retryBackoffMax()) > 0 ? settings.retryBackoffMax()
                        : pause.multipliedBy(2);
            }
        }
    }

    private void handle(String payload) {
        List<ValidationOutcome> outcomes = validation.process(payload);
        for (ValidationOutcome o : outcomes) {
            publisher.publish(o);
            webhooks.reportValidated(o);
        }
    }

    /**
     * Sleeps the whole pause even when interrupted (the flag is kept): an interrupt at shutdown must not turn into
     * an exception, which would dead-letter a valid report instead of leaving it to be redelivered after the restart.
     */
    private static void sleepThroughInterrupts(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
