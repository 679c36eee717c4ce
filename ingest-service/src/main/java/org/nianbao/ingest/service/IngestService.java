package org.nianbao.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.nianbao.ingest.config.IngestConfig;
import org.nianbao.ingest.messaging.FetchedEventPublisher;
import org.nianbao.ingest.schema.ReportFetchedEvent;

/**
 * The one way a document enters the system: size checks, storage of the original, then report.fetched.
 * Storage comes first and always succeeds on its own, so a Kafka outage loses nothing: the relay re-sends.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final OriginalStore store;
    private final VersionEvents events;
    private final FetchedEventPublisher publisher;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public IngestService(OriginalStore store, VersionEvents events, FetchedEventPublisher publisher,
                         IngestConfig config, MeterRegistry metrics) {
        this.store = store;
        this.events = events;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    /** Stores the document and, when its content is new, announces it. */
    public StoreOutcome ingest(byte[] content, SourceDescriptor source) {
        checkAcceptable(content, source);
        StoreOutcome outcome = store.store(content, source);
        metrics.counter("nianbao.ingest.documents", "change", outcome.change().name().toLowerCase()).increment();
        LOG.infof("stored %s (%s) as report %s v%d [%s]", source.locator(), outcome.sha256().substring(0, 12),
                outcome.reportId(), outcome.version(), outcome.change());
        if (outcome.isNew()) {
            emit(events.event(outcome.reportId(), outcome.version()));
        }
        return outcome;
    }

    /** Sends an event and records that Kafka has it; failures are logged and left to the relay. */
    public boolean emit(ReportFetchedEvent event) {
        try {
            publisher.publish(event);
            store.markEmitted(event.reportId(), event.version());
            return true;
        } catch (FetchedEventPublisher.PublishFailedException e) {
            LOG.warnf("%s; it stays queued for the relay", e.getMessage());
            metrics.counter("nianbao.ingest.emit.failures").increment();
            return false;
        }
    }

    private void checkAcceptable(byte[] content, SourceDescriptor source) {
        if (content.length == 0) {
            throw new RejectedDocumentException(source.locator() + ": the document is empty (0 bytes)", 400);
        }
        if (content.length > config.maxBytes()) {
            throw new RejectedDocumentException(String.format("%s: %d bytes exceed the limit of %d bytes (nianbao.ingest.max-bytes)",
                    source.locator(), content.length, config.maxBytes()), 413);
        }
    }
}
