package org.nianbao.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.nianbao.ingest.crawl.PoliteFetcher;
import org.nianbao.ingest.crawl.UrlGuard;
import org.nianbao.ingest.service.RejectedDocumentException;

import java.util.Map;

/** Turns refusals into JSON errors that say what was wrong, with the status a client can act on. */
public class ErrorMappers {

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

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }
}
