package org.nianbao.search.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.search.service.SearchResultView;
import org.nianbao.search.service.SearchService;

/** Full-text and faceted search over all projected reports. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search reports", description = "Hits with <em> highlights, exact total, facet counts "
            + "(each computed with the other filters applied) and a `next` cursor for search_after paging.")
    public SearchResultView search(@BeanParam SearchParams params) {
        return search.search(params.toCriteria());
    }
}
