package org.nianbao.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.ingest.service.OriginalStore;

import java.util.regex.Pattern;

/** Serves original bytes by content address: the claim check that events point at. */
@Path("/api/originals")
@Blocking
public class OriginalResource {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final OriginalStore store;

    public OriginalResource(OriginalStore store) {
        this.store = store;
    }

    @GET
    @Path("/{sha256}")
    @Operation(summary = "The original bytes stored under this sha256")
    public Response original(@PathParam("sha256") String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        byte[] content = store.content(sha256).orElseThrow(() -> new NotFoundException("no original " + sha256));
        return Response.ok(content, "application/octet-stream")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + sha256 + "\"")
                .build();
    }
}
