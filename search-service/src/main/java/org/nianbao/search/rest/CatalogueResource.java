package org.nianbao.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.search.catalogue.CellCatalogue;

/** The canonical cell keys with their Chinese labels, so clients can name the columns of exports and comparisons. */
@Path("/api/catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    /** One canonical key and its label. */
    public record CellLabel(String key, String label, String field) {
    }

    @GET
    @Operation(summary = "Canonical cell keys", description = "Key, Chinese label and index field (cells.<key>).")
    public List<CellLabel> cells() {
        return CellCatalogue.allKeys().stream()
                .map(k -> new CellLabel(k, CellCatalogue.label(k).orElse(k), "cells." + k))
                .toList();
    }
}
