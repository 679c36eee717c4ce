package org.nianbao.ingest.rest;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a transient fault (PostgreSQL or Kafka away, restarting or overloaded), which is waited out or answered
 * "retry later", from anything else, which is not; it exists because a transient fault must never send a valid report
 * to the dead-letter topic nor answer a client with a server error. Owned by validate-service; ingest-service keeps a
 * copy that differs only in its package line (checked by a test there).
 */
final class TransientFaults {

    private TransientFaults() {
    }

    /** The dependency a transient fault comes from ("PostgreSQL", "Kafka"), or null when the fault is not transient. */
    static String dependencyOf(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return "PostgreSQL";
            }
            if (t instanceof SQLException sql && transientSqlState(sql)) {
                return "PostgreSQL";
            }
            String type = t.getClass().getName();
            if (type.equals("org.hibernate.exception.JDBCConnectionException")
                    || type.equals("org.hibernate.exception.LockAcquisitionException")
                    || type.equals("jakarta.persistence.LockTimeoutException")
                    || type.equals("jakarta.persistence.QueryTimeoutException")) {
                return "PostgreSQL";
            }
            if (type.startsWith("org.apache.kafka.common.errors.") && (type.endsWith("TimeoutException")
                    || isKafkaRetriable(t))) {
                return "Kafka";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof SocketException) {
                return "a peer";
            }
        }
        return null;
    }

    /**
     * Connection exceptions (08…), operator intervention such as a server shutting down (57P0…), insufficient
     * resources (53…), serialization failures and deadlocks (40001, 40P01); an Agroal pool that could not hand out a
     * connection in time says so only in its message.
     */
    private static boolean transientSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01"))) {
            return true;
        }
        String message = String.valueOf(sql.getMessage());
        return message.contains("Acquisition timeout") || message.contains("Unable to acquire JDBC Connection");
    }

    private static boolean isKafkaRetriable(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.apache.kafka.common.errors.RetriableException")) {
                return true;
            }
        }
        return false;
    }
}
