package org.nianbao.validate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
            progress.untilDone(() -> handle(payload), ParsedReportConsumer::dependencyOf, OTHER_FAILURE_ATTEMPTS,
                    settings.retryBackoff(), settings.retryBackoffMax());
        } catch (RuntimeException e) {
            LOG.errorf("report.parsed message not processed, sent to report.parsed.dlq: %s", e.toString());
            throw e;
        } finally {
            progress.finished();
        }
    }

    /** Bad input is never retried; a dependency away is waited out; anything else is tried a few times. */
    private static String dependencyOf(RuntimeException e) {
        if (e instanceof InvalidReportException) {
            throw e; // bad input: straight to the dead-letter topic
        }
        return TransientFaults.dependencyOf(e);
    }

    private void handle(String payload) {
        List<ValidationOutcome> outcomes = validation.process(payload);
        for (ValidationOutcome o : outcomes) {
            publisher.publish(o);
            webhooks.reportValidated(o);
        }
    }
}
