package org.nianbao.ingest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Lets an {@link AdminOnly} call through only with the configured bearer token, compared in constant time. */
@Provider
@AdminOnly
public class AdminTokenFilter implements ContainerRequestFilter {

    private final Optional<String> token;

    /** @param token the bearer token from a Secret (nianbao.admin.token); when absent, admin endpoints refuse every call */
    public AdminTokenFilter(@ConfigProperty(name = "nianbao.admin.token") Optional<String> token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String expected = token.filter(t -> !t.isBlank()).orElse(null);
        if (expected == null) {
            request.abortWith(refuse(Response.Status.SERVICE_UNAVAILABLE, "admin endpoints are disabled: nianbao.admin.token is not set"));
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
