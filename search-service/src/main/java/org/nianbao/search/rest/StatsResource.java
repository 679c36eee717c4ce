package org.nianbao.search.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.search.service.StatsService;
import org.nianbao.search.service.StatsView;

/** Chart data for the UI, under the same filters as /api/search. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsService stats;

    public StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Path("/status-by-year")
    @Operation(summary = "Reports per year by status (compliant / warnings / noncompliant)")
    public List<StatsView.StatusYear> statusByYear(@BeanParam SearchParams params) {
        return stats.statusByYear(params.toCriteria());
    }

    @GET
    @Path("/late-by-county")
    @Operation(summary = "Late reports per county, most first (counties without late reports left out)")
    public List<StatsView.LateCounty> lateByCounty(@BeanParam SearchParams params) {
        return stats.lateByCounty(params.toCriteria());
    }

    @GET
    @Operation(summary = "Both chart series at once")
    public StatsView.Charts charts(@BeanParam SearchParams params) {
        var criteria = params.toCriteria();
        return new StatsView.Charts(stats.statusByYear(criteria), stats.lateByCounty(criteria));
    }
}
