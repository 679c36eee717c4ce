package org.nianbao.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.ingest.schema.ReportFetchedEvent;
import org.nianbao.ingest.service.IngestService;
import org.nianbao.ingest.service.SourceDescriptor;
import org.nianbao.ingest.service.StoreOutcome;
import org.nianbao.ingest.service.VersionEvents;

import java.util.List;

/** Uploads of single reports or drafts, and the version history of a report. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ReportResource {

    private final IngestService ingest;
    private final VersionEvents events;

    public ReportResource(IngestService ingest, VersionEvents events) {
        this.ingest = ingest;
        this.events = events;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload one report (or a draft to check before publication); the body is the file's bytes")
    public Response upload(byte[] body, @QueryParam("fileName") String fileName,
                           @QueryParam("draft") @DefaultValue("false") boolean draft,
                           @HeaderParam("Content-Type") String contentType) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("query parameter fileName is required");
        }
        StoreOutcome outcome = ingest.ingest(body == null ? new byte[0] : body, SourceDescriptor.upload(fileName.strip(), contentType, draft));
        return Response.status(outcome.change() == StoreOutcome.Change.UNCHANGED ? 200 : 201).entity(outcome).build();
    }

    @GET
    @Path("/{reportId}/versions")
    @Operation(summary = "Every stored version of a report, oldest first")
    public List<ReportFetchedEvent> versions(@PathParam("reportId") String reportId) {
        return events.allVersions(reportId);
    }
}
