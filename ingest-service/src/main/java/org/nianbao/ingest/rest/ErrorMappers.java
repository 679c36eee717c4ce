package org.nianbao.ingest.rest;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.nianbao.ingest.crawl.PoliteFetcher;
import org.nianbao.ingest.crawl.UrlGuard;
import org.nianbao.ingest.service.RejectedDocumentException;

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
        if (TransientFaults.dependencyOf(e) == null) {
            LOG.errorf(e, "storage failure");
            return error(500, "storage failure: " + e.getClass().getSimpleName());
        }
        LOG.warnf("storage unavailable, answered 503: %s", e.toString());
        return Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "storage temporarily unavailable, retry in " + RETRY_AFTER_SECONDS + " s"))
                .build();
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }
}
