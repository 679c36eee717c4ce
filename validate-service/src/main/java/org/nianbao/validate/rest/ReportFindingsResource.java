package org.nianbao.validate.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.validate.service.ValidationService;

/** The stored verdict of one report: status, counts, findings, deadline. */
@Path("/api/reports/{id}/findings")
public class ReportFindingsResource {

    private final ValidationService service;

    public ReportFindingsResource(ValidationService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode findings(@PathParam("id") String reportId) {
        return service.findings(reportId).orElseThrow(() -> new NotFoundException("no report " + reportId));
    }
}
