package org.nianbao.validate.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures the report.parsed consumer waits out (a dependency away) and which it may dead-letter. */
class TransientFaultsTest {

    @Test
    void postgresAwayRestartingOrOverloadedIsTransient() {
        assertEquals("PostgreSQL", TransientFaults.dependencyOf(new IllegalStateException("tx",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertEquals("PostgreSQL", TransientFaults.dependencyOf(new SQLException("terminating connection due to"
                + " administrator command", "57P01")));
        assertEquals("PostgreSQL", TransientFaults.dependencyOf(new SQLException("could not serialize", "40001")));
        assertEquals("PostgreSQL", TransientFaults.dependencyOf(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void aRefusedConnectionIsTransient() {
        assertEquals("a peer", TransientFaults.dependencyOf(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void constraintViolationsAndBugsAreNot() {
        assertNull(TransientFaults.dependencyOf(new SQLException("duplicate key", "23505")));
        assertNull(TransientFaults.dependencyOf(new NullPointerException("bug")));
        assertNull(TransientFaults.dependencyOf(new IllegalArgumentException("bad", new SQLException("x", "22P02"))));
    }
}
