package org.nianbao.ingest.rest;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.nianbao.ingest.crawl.PoliteFetcher;
import org.nianbao.ingest.crawl.UrlGuard;
import org.nianbao.ingest.service.RejectedDocumentException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Map;
import org.jboss.logging.Logger;

/** Turns refusals into JSON errors that say what was wrong, with the status a client can act on. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response rejected(RejectedDocumentException e) {
        return error(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response refusedUrl(UrlGuard.RefusedUrlException e) {
        return error(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response fetchFailed(PoliteFetcher.FetchException e) {
        return error(502, e.getMessage());
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return error(400, e.getMessage());
    }

    /**
     * PostgreSQL away or restarting is a reason to come back shortly, not a server error: 503 with Retry-After, so
     * an uploading client (or the harness) retries; any other storage failure stays a 500.
     */
    @ServerExceptionMapper
    public Response storage(PersistenceException e) {
        if (!transientStorageFault(e)) {
            LOG.errorf(e, "storage failure");
            return error(500, "storage failure: " + e.getClass().getSimpleName());
        }
        LOG.warnf("storage unavailable, answered 503: %s", e.toString());
        return Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "storage temporarily unavailable, retry in " + RETRY_AFTER_SECONDS + " s"))
                .build();
    }

    /** A refused or dropped connection, a server shutting down (SQL states 08…, 57P…) or a pool that timed out. */
    static boolean transientStorageFault(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))
                        || String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }
}
