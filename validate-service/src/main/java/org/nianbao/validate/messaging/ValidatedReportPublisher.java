package org.nianbao.validate.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.validate.service.ValidationOutcome;

/** Publishes report.validated with key = reportId and waits for the broker's acknowledgement. */
@ApplicationScoped
public class ValidatedReportPublisher {

    private final MutinyEmitter<String> emitter;

    public ValidatedReportPublisher(@Channel("report-validated") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(ValidationOutcome outcome) {
        Message<String> message = Message.of(outcome.event().toString())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(outcome.reportId()).build());
        emitter.sendMessageAndAwait(message);
    }
}
