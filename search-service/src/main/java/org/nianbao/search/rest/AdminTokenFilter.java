package org.nianbao.search.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Admits {@link AdminOnly} calls only with the configured bearer token (nianbao.admin.token, from a Secret). */
@Provider
@AdminOnly
public class AdminTokenFilter implements ContainerRequestFilter {

    private final Optional<String> token;

    public AdminTokenFilter(@ConfigProperty(name = "nianbao.admin.token") Optional<String> token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String expected = token.filter(t -> !t.isBlank()).orElse(null);
        if (expected == null) {
            request.abortWith(refuse(Response.Status.SERVICE_UNAVAILABLE,
                    "admin endpoints are disabled: nianbao.admin.token is not set"));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(refuse(Response.Status.UNAUTHORIZED, "a valid admin bearer token is required"));
        }
    }

    private static Response refuse(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }
}
