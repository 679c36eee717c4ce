package org.nianbao.parse.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.parser.UnparseableDocumentException;
import org.nianbao.parse.service.ParseService;

import java.util.Map;

/** Parses a document sent directly (a clerk checking a draft), without storing or emitting anything. */
@Path("/api/parse")
@Blocking
public class ParseResource {

    private static final int MAX_BYTES = 50 * 1024 * 1024;

    private final ParseService service;

    public ParseResource(ParseService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parse one document (HTML, PDF, DOC/DOCX or text) and return the report.parsed body")
    public ParsedReport parse(byte[] body, @QueryParam("fileName") String fileName) {
        if (body == null || body.length == 0) {
            throw new UnparseableDocumentException("the request body is empty");
        }
        if (body.length > MAX_BYTES) {
            throw new UnparseableDocumentException("the document has " + body.length + " bytes, more than " + MAX_BYTES);
        }
        return service.parseDirect(body, fileName == null ? "upload" : fileName);
    }

    @ServerExceptionMapper
    public Response unparseable(UnparseableDocumentException e) {
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", e.getMessage())).build();
    }
}
