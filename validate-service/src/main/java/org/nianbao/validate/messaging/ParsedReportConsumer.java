package org.nianbao.validate.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.nianbao.validate.service.ValidationOutcome;
import org.nianbao.validate.service.ValidationService;
import org.nianbao.validate.service.WebhookService;

/**
 * Consumes report.parsed: validation and storage commit first, then report.validated is published and alerts are
 * queued; a bad payload throws so the message goes to report.parsed.dlq with the reason in its headers.
 */
@ApplicationScoped
public class ParsedReportConsumer {

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
    public void consume(String payload) {
        List<ValidationOutcome> outcomes = validation.process(payload);
        for (ValidationOutcome o : outcomes) {
            publisher.publish(o);
            webhooks.reportValidated(o);
        }
    }
}
