package org.nianbao.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.search.service.ReportDetailService;
import org.nianbao.search.service.ReportView;

/** One report with its tables, findings and version history. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportDetailService reports;

    public ReportResource(ReportDetailService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report", description = "Metadata, sections, tables 二/三/四 by printed label with the "
            + "findings that name each cell, version history and the link to the stored original.")
    public ReportView report(@PathParam("id") String id) {
        return reports.find(id).orElseThrow(() -> new NotFoundException("no report " + id));
    }
}
