package org.nianbao.ingest.messaging;

import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.nianbao.ingest.mapping.FetchedEventMapper;
import org.nianbao.ingest.schema.ReportFetchedEvent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends report.fetched keyed by report id and waits for Kafka's acknowledgement, so "emitted" means stored there. */
@ApplicationScoped
public class FetchedEventPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<Record<String, String>> emitter;
    private final FetchedEventMapper mapper;

    public FetchedEventPublisher(@Channel("report-fetched") Emitter<Record<String, String>> emitter,
                                 FetchedEventMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    /** Sends one event; returns normally only once Kafka acknowledged it. */
    public void publish(ReportFetchedEvent event) throws PublishFailedException {
        try {
            emitter.send(Record.of(event.reportId(), mapper.toJson(event)))
                    .toCompletableFuture()
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(event.reportId(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException(event.reportId(), e);
        }
    }

    /** Kafka did not take the event; the version stays marked unemitted and the relay sends it later. */
    public static final class PublishFailedException extends Exception {
        public PublishFailedException(String reportId, Throwable cause) {
            super("report.fetched for " + reportId + " was not acknowledged: " + cause.getMessage(), cause);
        }
    }
}
