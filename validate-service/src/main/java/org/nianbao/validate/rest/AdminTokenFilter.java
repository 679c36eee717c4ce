package org.nianbao.validate.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.nianbao.validate.config.NianbaoConfig;

/** Admin endpoints need "Authorization: Bearer &lt;nianbao.admin.token&gt;"; compared in constant time, else 401. */
@jakarta.ws.rs.ext.Provider
@AdminOnly
public class AdminTokenFilter implements ContainerRequestFilter {

    /** Resolved per request: REST providers are created at static init, before runtime config exists. */
    private final Provider<NianbaoConfig> config;

    public AdminTokenFilter(Provider<NianbaoConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String expected = config.get().admin().token().orElse(null);
        if (expected == null || expected.isBlank() || header == null || !header.startsWith("Bearer ")
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nianbao-admin\"").build());
        }
    }
}
