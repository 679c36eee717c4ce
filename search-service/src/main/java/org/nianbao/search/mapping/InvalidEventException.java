package org.nianbao.search.mapping;

/** Signals a report.validated message that can never be projected, so the consumer nacks it to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
