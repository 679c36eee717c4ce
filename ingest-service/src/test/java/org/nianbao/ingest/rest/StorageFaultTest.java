package org.nianbao.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** An upload while PostgreSQL restarts is answered 503 with Retry-After, not 500; other storage failures stay 500. */
class StorageFaultTest {

    private final ErrorMappers mappers = new ErrorMappers();

    @Test
    void postgresRestartingIsServiceUnavailable() {
        PersistenceException restarting = new PersistenceException("tx", new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"));
        assertTrue(TransientFaults.dependencyOf(restarting) != null);
        var response = mappers.storage(restarting);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertTrue(TransientFaults.dependencyOf(new PersistenceException(new SQLException("refused", "08001"))) != null);
    }

    @Test
    void otherStorageFailuresStayServerErrors() {
        PersistenceException constraint = new PersistenceException(new SQLException("duplicate key", "23505"));
        assertFalse(TransientFaults.dependencyOf(constraint) != null);
        assertEquals(500, mappers.storage(constraint).getStatus());
    }

    /** The classification is validate-service's, kept as a copy that differs only in its package line. */
    @Test
    void transientFaultsIsACopyOfValidateServices() throws Exception {
        String file = "src/main/java/org/nianbao/%s/TransientFaults.java";
        Path original = Path.of("..", "validate-service", file.formatted("validate/messaging"));
        Path copy = Path.of(file.formatted("ingest/rest"));
        assertTrue(Files.exists(original), original.toAbsolutePath().toString());
        assertEquals(Files.readString(original).replace("package org.nianbao.validate.messaging;",
                "package org.nianbao.ingest.rest;"), Files.readString(copy),
                copy + " differs from " + original + ": copy the owner's file and change only the package line");
    }
}
