package org.nianbao.validate.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets an {@link AdminOnly} call through only with "Authorization: Bearer &lt;nianbao.admin.token&gt;".
 * <ul>
 * <li>no token configured (server-side condition): 503 "admin endpoints are disabled: set NIANBAO_ADMIN_TOKEN";</li>
 * <li>missing, malformed or wrong token: 401 with {@code WWW-Authenticate: Bearer realm="nianbao-admin"}.</li>
 * </ul>
 * The token is compared in constant time (SHA-256 of both sides, {@link MessageDigest#isEqual}), so neither its
 * content nor its length leaks through timing; it is read per request, because REST providers are created before
 * runtime configuration exists. Owned by search-service; ingest- and validate-service keep byte-identical copies
 * (only the package line differs), guarded by a drift test, and so does the shared {@code AdminTokenFilterTest}.
 */
@Provider
@AdminOnly
public class AdminTokenFilter implements ContainerRequestFilter {

    static final String SETTING = "nianbao.admin.token";
    static final String REALM = "Bearer realm=\"nianbao-admin\"";

    @Override
    public void filter(ContainerRequestContext request) {
        Refusal refusal = decide(ConfigProvider.getConfig().getOptionalValue(SETTING, String.class),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (refusal != null) {
            Response.ResponseBuilder response = Response.status(refusal.status())
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", refusal.message()));
            if (refusal.challenge() != null) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, refusal.challenge());
            }
            request.abortWith(response.build());
        }
    }

    /** Why a call is refused: HTTP status, message for the caller, and the challenge header of a 401 (or null). */
    record Refusal(int status, String message, String challenge) {
    }

    /** The refusal for a call with this Authorization header under this configured token; null lets it through. */
    static Refusal decide(Optional<String> configured, String authorization) {
        String expected = configured.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        if (expected == null) {
            return new Refusal(503, "admin endpoints are disabled: set NIANBAO_ADMIN_TOKEN (" + SETTING + ")", null);
        }
        String header = authorization == null ? "" : authorization.strip();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Refusal(401, "admin endpoints need \"Authorization: Bearer <admin token>\"", REALM);
        }
        if (!MessageDigest.isEqual(sha256(expected), sha256(header.substring(7).strip()))) {
            return new Refusal(401, "the admin bearer token is not valid", REALM + ", error=\"invalid_token\"");
        }
        return null;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
