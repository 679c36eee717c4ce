package org.nianbao.validate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nianbao.validate.report.InvalidReportException;
import org.nianbao.validate.service.ValidationOutcome;
import org.nianbao.validate.service.ValidationService;
import org.nianbao.validate.service.WebhookService;

/**
 * Consumes report.parsed: validation and storage commit first, then report.validated is published and alerts are
 * queued; a bad payload throws at once so the message goes to report.parsed.dlq with the reason in its headers, while
 * other failures are retried a few times first.
 */
@ApplicationScoped
public class ParsedReportConsumer {

    private static final Logger LOG = Logger.getLogger(ParsedReportConsumer.class);
    private static final int TRANSIENT_ATTEMPTS = 3;
    private static final long TRANSIENT_BACKOFF_MS = 1000;

    private final ValidationService validation;
    private final ValidatedReportPublisher publisher;
    private final WebhookService webhooks;

    public ParsedReportConsumer(ValidationService validation, ValidatedReportPublisher publisher,
                                WebhookService webhooks) {
        this.validation = validation;
        this.publisher = publisher;
        this.webhooks = webhooks;
    }

    @Incoming("report-parsed")
    @Blocking(ordered = true)
    public void consume(String payload) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                handle(payload);
                return;
            } catch (InvalidReportException e) {
                throw e; // bad input: straight to the dead-letter topic
            } catch (RuntimeException e) {
                // database or broker hiccup: processing is idempotent, so try again before giving up
                if (attempt >= TRANSIENT_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("processing failed (attempt %d), retrying: %s", attempt, e.toString());
                Thread.sleep(TRANSIENT_BACKOFF_MS * attempt);
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
}
