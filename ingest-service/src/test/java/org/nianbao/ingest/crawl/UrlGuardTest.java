package org.nianbao.ingest.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(Set.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://localhost:8081/api/admin/replay", "http://10.0.0.5/", "http://172.16.3.4/",
        "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://[::1]/",
        "http://[fd00::1]/", "http://100.64.0.1/"})
    void refusesInternalAddresses(String url) {
        UrlGuard.RefusedUrlException e = assertThrows(UrlGuard.RefusedUrlException.class, () -> guard.check(url));
        assertTrue(e.getMessage().contains("internal address"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "jar:http://x!/"})
    void refusesOtherSchemes(String url) {
        assertThrows(UrlGuard.RefusedUrlException.class, () -> guard.check(url));
    }

    @Test
    void refusesCredentialsInUrl() {
        assertThrows(UrlGuard.RefusedUrlException.class, () -> guard.check("http://user:pw@8.8.8.8/"));
    }

    @Test
    void acceptsPublicLiteralAddress() {
        assertEquals("8.8.8.8", guard.check("https://8.8.8.8/nianbao").getHost());
    }

    @Test
    void allowListLetsAConfiguredHostThrough() {
        assertEquals("127.0.0.1", new UrlGuard(Set.of("127.0.0.1")).check("http://127.0.0.1:9/x").getHost());
    }
}
