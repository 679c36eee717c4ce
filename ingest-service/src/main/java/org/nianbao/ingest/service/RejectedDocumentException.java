package org.nianbao.ingest.service;

/** A document refused before storage (empty, too large); carries the HTTP status the refusal maps to. */
public class RejectedDocumentException extends RuntimeException {

    private final int status;

    public RejectedDocumentException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
