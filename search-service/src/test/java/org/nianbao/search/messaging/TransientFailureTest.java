package org.nianbao.search.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Which Elasticsearch failures the report.validated consumer waits out and which it may dead-letter. */
class TransientFailureTest {

    private static ElasticsearchException status(int status) {
        return new ElasticsearchException("index",
                ErrorResponse.of(e -> e.status(status).error(c -> c.type("t").reason("r"))));
    }

    @Test
    void retriesUnreachableOverloadedAndUnavailableButNotRejectedDocuments() {
        assertTrue(ReportValidatedConsumer.transientFailure(new UncheckedIOException(new IOException("refused"))));
        assertTrue(ReportValidatedConsumer.transientFailure(status(429)));
        assertTrue(ReportValidatedConsumer.transientFailure(status(503)));
        assertFalse(ReportValidatedConsumer.transientFailure(status(400)));
        assertFalse(ReportValidatedConsumer.transientFailure(new IllegalStateException("a bug")));
    }

    /** At startup the consumer can run before the index is created: a valid event must wait, not be dead-lettered. */
    @Test
    void aMissingIndexIsWaitedFor() {
        assertTrue(ReportValidatedConsumer.transientFailure(new ElasticsearchException("get",
                ErrorResponse.of(e -> e.status(404).error(c -> c.type("index_not_found_exception").reason("no such index"))))));
        assertFalse(ReportValidatedConsumer.transientFailure(status(404)));
    }
}
