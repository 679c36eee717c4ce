package org.nianbao.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** An upload while PostgreSQL restarts is answered 503 with Retry-After, not 500; other storage failures stay 500. */
class StorageFaultTest {

    private final ErrorMappers mappers = new ErrorMappers();

    @Test
    void postgresRestartingIsServiceUnavailable() {
        PersistenceException restarting = new PersistenceException("tx", new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"));
        assertTrue(ErrorMappers.transientStorageFault(restarting));
        var response = mappers.storage(restarting);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertTrue(ErrorMappers.transientStorageFault(new PersistenceException(new SQLException("refused", "08001"))));
    }

    @Test
    void otherStorageFailuresStayServerErrors() {
        PersistenceException constraint = new PersistenceException(new SQLException("duplicate key", "23505"));
        assertFalse(ErrorMappers.transientStorageFault(constraint));
        assertEquals(500, mappers.storage(constraint).getStatus());
    }
}
