package org.nianbao.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard, every range it blocks. Shared: ingest-service owns this class and validate-service keeps a copy
 * that differs only in its package line (guarded by a drift test there), so both services prove the same behaviour.
 */
class UrlGuardTest {

    private static final String SETTING = "test.allow-internal";
    private final UrlGuard guard = new UrlGuard(Set.of(), false, SETTING);

    @ParameterizedTest
    @ValueSource(strings = {
        // IPv4: this network, private, CGNAT, loopback, link-local/metadata, IETF, documentation, benchmarking,
        // multicast, reserved, broadcast
        "http://0.0.0.0/", "http://0.1.2.3/", "http://10.0.0.5/", "http://10.255.255.255/", "http://100.64.0.1/",
        "http://100.127.255.254/", "http://127.0.0.1:8080/hook", "http://127.1.2.3/", "http://localhost:8081/api/admin/replay",
        "http://169.254.169.254/latest/meta-data/", "http://172.16.3.4/", "http://172.31.255.1/",
        "http://192.0.0.8/", "http://192.0.2.1/", "http://192.168.1.1/", "http://198.18.0.1/", "http://198.19.255.1/",
        "http://198.51.100.7/", "http://203.0.113.9/", "http://224.0.0.1/", "http://239.255.255.250/",
        "http://240.0.0.1/", "http://255.255.255.255/",
        // IPv4 written as one number, which the resolver reads as 127.0.0.1
        "http://2130706433/",
        // IPv6: unspecified, loopback, link-local, site-local, unique local, multicast
        "http://[::]/", "http://[::1]/", "http://[fe80::1]/", "http://[fec0::1]/", "http://[fd00::1]/", "http://[fc00::1]/",
        "http://[ff02::1]/",
        // IPv4 inside IPv6: mapped, compatible, NAT64 (well-known and local use), 6to4, Teredo, documentation
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:169.254.169.254]/",
        "http://[::ffff:a9fe:a9fe]/", "http://[::7f00:1]/", "http://[::8.8.8.8]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::c0a8:101]/", "http://[64:ff9b:1::808:808]/",
        "http://[2002:7f00:1::]/", "http://[2002:c0a8:101::1]/", "http://[2001:0:4136:e378::1]/", "http://[2001:db8::1]/"})
    void refusesInternalAddresses(String url) {
        UrlGuard.RefusedUrlException e = assertThrows(UrlGuard.RefusedUrlException.class, () -> guard.check(url));
        assertTrue(e.getMessage().contains("internal address"), e.getMessage());
        assertTrue(e.getMessage().contains(SETTING), "names the switch that allows internal targets: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/nianbao", "http://93.184.215.14/hook", "http://172.32.0.1/",
        "http://100.128.0.1/", "http://169.255.0.1/", "http://192.169.0.1/", "http://[2606:4700:4700::1111]/",
        "http://[::ffff:8.8.8.8]/", "http://[64:ff9b::808:808]/", "http://[2002:808:808::1]/"})
    void acceptsPublicAddresses(String url) {
        assertEquals(url.trim(), guard.check(url).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "jar:http://x!/",
        "mailto:a@example.org", "/relative/path", "not a url", "http:///no-host", "",
        "http://127.1/"})
    void refusesOtherSchemesAndMalformedUrls(String url) {
        assertThrows(UrlGuard.RefusedUrlException.class, () -> guard.check(url));
        assertThrows(UrlGuard.RefusedUrlException.class, () -> new UrlGuard(Set.of(), true, SETTING).check(url),
                "allowing internal targets never allows other schemes");
    }

    @Test
    void refusesCredentialsWithoutRepeatingThem() {
        UrlGuard.RefusedUrlException e = assertThrows(UrlGuard.RefusedUrlException.class,
                () -> guard.check("http://user:s3cret@8.8.8.8/?token=abc"));
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret") || e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void refusalsNameTheRangeAndAreIllegalArguments() {
        UrlGuard.RefusedUrlException e = assertThrows(UrlGuard.RefusedUrlException.class,
                () -> guard.check("http://169.254.169.254/latest/meta-data/"));
        assertTrue(e.getMessage().contains("cloud metadata 169.254.0.0/16"), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    void unresolvableHostsAreRefused() {
        UrlGuard.RefusedUrlException e = assertThrows(UrlGuard.RefusedUrlException.class,
                () -> guard.check("http://no-such-host.invalid/"));
        assertTrue(e.getMessage().contains("does not resolve"), e.getMessage());
    }

    @Test
    void allowListLetsOnlyTheConfiguredHostThrough() {
        UrlGuard allowing = new UrlGuard(Set.of("127.0.0.1"), false, SETTING);
        assertEquals("127.0.0.1", allowing.check("http://127.0.0.1:9/x").getHost());
        assertThrows(UrlGuard.RefusedUrlException.class, () -> allowing.check("http://10.0.0.1/"));
    }

    @Test
    void allowingAllInternalTargetsStillChecksSchemeAndCredentials() {
        UrlGuard allowing = new UrlGuard(Set.of(), true, SETTING);
        assertEquals(8080, allowing.check("http://127.0.0.1:8080/hook").getPort());
        assertEquals("10.0.0.5", allowing.check("http://10.0.0.5/").getHost());
        assertThrows(UrlGuard.RefusedUrlException.class, () -> allowing.check("gopher://127.0.0.1/"));
        assertThrows(UrlGuard.RefusedUrlException.class, () -> allowing.check("http://u:p@127.0.0.1/"));
    }
}
