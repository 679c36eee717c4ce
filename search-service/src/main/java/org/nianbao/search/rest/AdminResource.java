package org.nianbao.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.RebuildService;

/** Index administration: where the alias points, and a rebuild by replay into a new versioned index. */
@Path("/api/admin/index")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class AdminResource {

    private final ReportIndexRepository repository;
    private final RebuildService rebuild;

    public AdminResource(ReportIndexRepository repository, RebuildService rebuild) {
        this.repository = repository;
        this.rebuild = rebuild;
    }

    @GET
    @Operation(summary = "Alias, the indices behind it and the last rebuild")
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("alias", repository.alias());
        state.put("indices", repository.aliasTargets());
        state.put("rebuild", rebuild.status());
        return state;
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild into a new index", description = "Creates `target` from the current mapping "
            + "resource, replays report.validated from the earliest offset into it, swaps the alias, catches up. "
            + "Poll GET /api/admin/index for progress.")
    public Response start(@QueryParam("target") String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("target index name is required, e.g. nianbao-reports-v2");
        }
        try {
            return Response.accepted(rebuild.start(target.trim())).build();
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
