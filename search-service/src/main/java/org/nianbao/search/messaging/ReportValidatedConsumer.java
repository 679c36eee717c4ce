package org.nianbao.search.messaging;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.mapping.InvalidEventException;
import org.nianbao.search.service.ProjectionService;

/**
 * Projects every report.validated event into the index. Bad payloads throw, so the channel's dead-letter strategy
 * sends them to report.validated.dlq with the reason; an unreachable or overloaded Elasticsearch is retried with
 * doubling backoff until it answers, never dead-lettered, while readiness says what the consumer waits for; a
 * document Elasticsearch rejects (4xx) is tried a few times, then dead-lettered. One record at a time, in order.
 */
@ApplicationScoped
public class ReportValidatedConsumer {

    private static final Logger LOG = Logger.getLogger(ReportValidatedConsumer.class);
    private static final int REJECTED_ATTEMPTS = 3;

    private final ProjectionService projection;
    private final ConsumerProgress progress;
    private final SearchConfig.Consumer settings;

    public ReportValidatedConsumer(ProjectionService projection, ConsumerProgress progress, SearchConfig config) {
        this.projection = projection;
        this.progress = progress;
        this.settings = config.consumer();
    }

    @Incoming("report-validated")
    @Blocking
    public void consume(String payload) {
        progress.started();
        try {
            progress.untilDone(() -> projection.apply(payload), ReportValidatedConsumer::dependencyOf,
                    REJECTED_ATTEMPTS, settings.retryBackoff(), settings.retryBackoffMax());
        } finally {
            progress.finished();
        }
    }

    /** Bad input is never retried; Elasticsearch away is waited out; a rejected document is tried a few times. */
    private static String dependencyOf(RuntimeException e) {
        if (e instanceof InvalidEventException) {
            LOG.warnf("rejecting report.validated message: %s", e.getMessage());
            throw e;
        }
        return transientFailure(e) ? "Elasticsearch" : null;
    }

    /**
     * Unreachable, overloaded or unavailable Elasticsearch (an I/O failure anywhere in the cause chain, 429, 5xx, the
     * index not there yet):
     * worth waiting for; a document it rejects (4xx) or any other failure is not.
     */
    static boolean transientFailure(RuntimeException e) {
        if (e instanceof ElasticsearchException es) {
            // the alias missing: the index is being created at startup or rebuilt behind a swap, not a bad document
            boolean indexMissing = es.error() != null && "index_not_found_exception".equals(es.error().type());
            return es.status() == 429 || es.status() >= 500 || indexMissing;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
