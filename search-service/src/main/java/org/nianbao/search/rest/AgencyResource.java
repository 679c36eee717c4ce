package org.nianbao.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.search.service.AgencyService;
import org.nianbao.search.service.AgencyYearsView;

/** Year-over-year figures of one agency. */
@Path("/api/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final AgencyService agencies;

    public AgencyResource(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GET
    @Path("/{agencyKey}/years")
    @Operation(summary = "One agency's reports by year with all cells", description = "agencyKey is the normalised "
            + "agency identity of report.validated (the agency name when the validator sent none).")
    public AgencyYearsView years(@PathParam("agencyKey") String agencyKey) {
        return agencies.years(agencyKey).orElseThrow(() -> new NotFoundException("no reports of " + agencyKey));
    }
}
