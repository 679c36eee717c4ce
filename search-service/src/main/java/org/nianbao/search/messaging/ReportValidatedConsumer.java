package org.nianbao.search.messaging;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nianbao.search.mapping.InvalidEventException;
import org.nianbao.search.service.ProjectionService;

/**
 * Projects every report.validated event into the index. Bad payloads throw, so the channel's dead-letter strategy
 * sends them to report.validated.dlq with the reason; an unreachable or overloaded Elasticsearch is retried before giving up.
 */
@ApplicationScoped
public class ReportValidatedConsumer {

    private static final Logger LOG = Logger.getLogger(ReportValidatedConsumer.class);
    private static final int ATTEMPTS = 5;

    private final ProjectionService projection;

    public ReportValidatedConsumer(ProjectionService projection) {
        this.projection = projection;
    }

    @Incoming("report-validated")
    @Blocking
    public void consume(String payload) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                projection.apply(payload);
                return;
            } catch (InvalidEventException e) {
                LOG.warnf("rejecting report.validated message: %s", e.getMessage());
                throw e;
            } catch (UncheckedIOException | ElasticsearchException e) {
                if (attempt >= ATTEMPTS || !transientFailure(e)) {
                    throw e;
                }
                LOG.warnf("Elasticsearch unreachable (attempt %d of %d): %s", attempt, ATTEMPTS, e.getMessage());
                Thread.sleep(500L * attempt * attempt);
            }
        }
    }

    /** Unreachable, overloaded or unavailable Elasticsearch: worth retrying; a rejected document is not. */
    static boolean transientFailure(RuntimeException e) {
        if (e instanceof ElasticsearchException es) {
            return es.status() == 429 || es.status() >= 500;
        }
        return true;
    }
}
