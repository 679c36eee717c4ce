package org.nianbao.parse.parser;

/**
 * Thrown when nothing useful can be extracted from a document (empty, unknown binary, corrupt, encrypted, too
 * large); it exists so callers can dead-letter such input with a clear reason instead of publishing an empty report.
 */
public class UnparseableDocumentException extends RuntimeException {

    public UnparseableDocumentException(String message) {
        super(message);
    }

    public UnparseableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
