package org.nianbao.search.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nianbao.search.mapping.InvalidEventException;
import org.nianbao.search.service.ProjectionService;

/**
 * Projects every report.validated event into the index. Bad payloads throw, so the channel's dead-letter strategy
 * sends them to report.validated.dlq with the reason; an unreachable Elasticsearch is retried before giving up.
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
            } catch (UncheckedIOException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Elasticsearch unreachable (attempt %d of %d): %s", attempt, ATTEMPTS, e.getMessage());
                Thread.sleep(500L * attempt * attempt);
            }
        }
    }
}
