package org.nianbao.search.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

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
    }
}
