package org.nianbao.validate.report;

/** Thrown for input that is not a report.parsed v1 body, so callers can reject it (exit code 2, dead-letter topic). */
public class InvalidReportException extends RuntimeException {

    public InvalidReportException(String message) {
        super(message);
    }

    public InvalidReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
