package org.nianbao.validate.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin filter's one behaviour. Shared: search-service owns this class and ingest- and validate-service keep
 * copies that differ only in their package line (guarded by a drift test there), so all three prove the same thing.
 */
class AdminTokenFilterTest {

    private static final Optional<String> TOKEN = Optional.of("s3cret-admin-token");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void noConfiguredTokenDisablesAdminEndpointsWith503(String configured) {
        for (String header : new String[] {null, "Bearer s3cret-admin-token", "Bearer ", "Bearer  "}) {
            AdminTokenFilter.Refusal r = AdminTokenFilter.decide(Optional.ofNullable(configured), header);
            assertNotNull(r, "no configured token must never let a call through, header " + header);
            assertEquals(503, r.status());
            assertTrue(r.message().contains("NIANBAO_ADMIN_TOKEN"), r.message());
            assertNull(r.challenge(), "a server-side condition, not a credentials problem");
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "s3cret-admin-token", "Basic czNjcmV0LWFkbWluLXRva2Vu", "Token s3cret-admin-token",
        "Bearer", "Bearers3cret-admin-token"})
    void missingOrMalformedCredentialsAre401WithABearerChallenge(String header) {
        AdminTokenFilter.Refusal r = AdminTokenFilter.decide(TOKEN, header);
        assertNotNull(r, header);
        assertEquals(401, r.status());
        assertEquals("Bearer realm=\"nianbao-admin\"", r.challenge());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Bearer s3cret-admin-toke", "Bearer s3cret-admin-token2",
        "Bearer S3CRET-ADMIN-TOKEN", "Bearer s3cret-admin-token s3cret-admin-token"})
    void wrongTokensAre401InvalidToken(String header) {
        AdminTokenFilter.Refusal r = AdminTokenFilter.decide(TOKEN, header);
        assertNotNull(r, header);
        assertEquals(401, r.status());
        assertEquals("Bearer realm=\"nianbao-admin\", error=\"invalid_token\"", r.challenge());
        assertFalse(r.message().contains("s3cret"), "the refusal never echoes a token: " + r.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cret-admin-token", "bearer s3cret-admin-token", "BEARER s3cret-admin-token",
        "  Bearer   s3cret-admin-token  "})
    void theConfiguredTokenPasses(String header) {
        assertNull(AdminTokenFilter.decide(TOKEN, header));
        assertNull(AdminTokenFilter.decide(Optional.of(" s3cret-admin-token\n"), header), "a Secret's trailing newline");
    }
}
