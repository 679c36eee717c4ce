package org.nianbao.search.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.search.service.ExportService;

/** CSV download of the cells of every report matching a search. */
@Path("/api/export.csv")
public class ExportResource {

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "Export cells as CSV", description = "Same filters as /api/search; streams the whole result "
            + "set (UTF-8 with BOM; header = metadata columns then every canonical cell key; blank cells empty).")
    public Response export(@BeanParam SearchParams params) {
        var criteria = params.toCriteria();
        StreamingOutput body = out -> exports.writeCsv(criteria, out);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"nianbao-cells.csv\"")
                .build();
    }
}
