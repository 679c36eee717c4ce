package org.nianbao.ingest.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * The one SSRF guard: refuses URLs that are not plain http(s), carry credentials, or whose host resolves (any of its
 * addresses) to an internal or non-global address — loopback, private, link-local (cloud metadata 169.254.169.254),
 * carrier-grade NAT, multicast, reserved, documentation, IPv6 unique local, and IPv4 addresses embedded in IPv6
 * (mapped, compatible, NAT64, 6to4) — so an untrusted URL cannot make a service reach inside the cluster.
 * A caller that follows redirects checks every hop again.
 *
 * <p>Owned by ingest-service (crawler); validate-service keeps a byte-identical copy for its webhooks (only the
 * package line differs), guarded by a drift test, and so does the shared {@code UrlGuardTest}.
 */
public final class UrlGuard {

    private final Set<String> allowedInternalHosts;
    private final boolean allowAllInternal;
    private final String allowSetting;

    /**
     * @param allowedInternalHosts hosts (lower case) that may resolve to internal addresses (tests, an intranet mirror)
     * @param allowAllInternal     skip the address check altogether (a development or in-cluster switch)
     * @param allowSetting         the configuration property that allows internal targets, named in refusals
     */
    public UrlGuard(Set<String> allowedInternalHosts, boolean allowAllInternal, String allowSetting) {
        this.allowedInternalHosts = Set.copyOf(allowedInternalHosts);
        this.allowAllInternal = allowAllInternal;
        this.allowSetting = allowSetting;
    }

    /** Returns the URI when it may be called; throws {@link RefusedUrlException} saying why not otherwise. */
    public URI check(String url) {
        if (url == null) {
            throw new RefusedUrlException(null, "no URL");
        }
        URI uri;
        try {
            uri = new URI(url.trim()).normalize();
        } catch (java.net.URISyntaxException e) {
            throw new RefusedUrlException(url, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException(url, "only http and https URLs are allowed");
        }
        if (uri.getUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new RefusedUrlException(url, "credentials in URLs are not accepted");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedUrlException(url, "no host");
        }
        if (allowAllInternal || allowedInternalHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException(url, "host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String range = internalRange(address);
            if (range != null) {
                throw new RefusedUrlException(url, "host " + host + " resolves to internal address "
                        + address.getHostAddress() + " (" + range + "); to allow internal targets set " + allowSetting);
            }
        }
        return uri;
    }

    /** The internal or non-global range an address lies in, named for operators; null for a public address. */
    public static String internalRange(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return ipv4Range(b, 0);
        }
        if (!(a instanceof Inet6Address)) {
            return "unknown address family";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified ::";
        }
        if (a.isLoopbackAddress()) {
            return "loopback ::1";
        }
        if (a.isMulticastAddress()) {
            return "multicast ff00::/8";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local fe80::/10";
        }
        if (a.isSiteLocalAddress()) {
            return "site-local fec0::/10";
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "unique local fc00::/7";
        }
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded("IPv4-mapped ::ffff:0:0/96", b, 12);
        }
        if (zero(b, 0, 12)) {
            return "IPv4-compatible ::/96 (deprecated)";
        }
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && zero(b, 4, 12)) {
            return embedded("NAT64 64:ff9b::/96", b, 12);
        }
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && (b[4] & 0xff) == 0x00 && (b[5] & 0xff) == 0x01) {
            return "local-use NAT64 64:ff9b:1::/48";
        }
        if (prefix(b, 0x20, 0x02)) {
            return embedded("6to4 2002::/16", b, 2);
        }
        if (prefix(b, 0x20, 0x01, 0x00, 0x00)) {
            return "Teredo 2001::/32";
        }
        if (prefix(b, 0x20, 0x01, 0x0d, 0xb8)) {
            return "documentation 2001:db8::/32";
        }
        return null;
    }

    private static String ipv4Range(byte[] b, int at) {
        int o1 = b[at] & 0xff;
        int o2 = b[at + 1] & 0xff;
        int o3 = b[at + 2] & 0xff;
        if (o1 == 0) {
            return "\"this network\" 0.0.0.0/8";
        }
        if (o1 == 10) {
            return "private network 10.0.0.0/8";
        }
        if (o1 == 100 && o2 >= 64 && o2 <= 127) {
            return "carrier-grade NAT 100.64.0.0/10";
        }
        if (o1 == 127) {
            return "loopback 127.0.0.0/8";
        }
        if (o1 == 169 && o2 == 254) {
            return "link-local and cloud metadata 169.254.0.0/16";
        }
        if (o1 == 172 && o2 >= 16 && o2 <= 31) {
            return "private network 172.16.0.0/12";
        }
        if (o1 == 192 && o2 == 0 && o3 == 0) {
            return "IETF protocol assignments 192.0.0.0/24";
        }
        if (o1 == 192 && o2 == 0 && o3 == 2) {
            return "documentation 192.0.2.0/24";
        }
        if (o1 == 192 && o2 == 168) {
            return "private network 192.168.0.0/16";
        }
        if (o1 == 198 && (o2 == 18 || o2 == 19)) {
            return "benchmarking 198.18.0.0/15";
        }
        if (o1 == 198 && o2 == 51 && o3 == 100) {
            return "documentation 198.51.100.0/24";
        }
        if (o1 == 203 && o2 == 0 && o3 == 113) {
            return "documentation 203.0.113.0/24";
        }
        if (o1 >= 224 && o1 <= 239) {
            return "multicast 224.0.0.0/4";
        }
        if (o1 >= 240) {
            return "reserved 240.0.0.0/4 (with broadcast 255.255.255.255)";
        }
        return null;
    }

    private static String embedded(String form, byte[] b, int at) {
        String range = ipv4Range(b, at);
        return range == null ? null : form + " of " + range;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean prefix(byte[] b, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((b[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** A URL that will not be called, with the reason; the message never repeats credentials or the query. */
    public static final class RefusedUrlException extends IllegalArgumentException {
        public RefusedUrlException(String url, String reason) {
            super("refused URL " + redacted(url) + ": " + reason);
        }

        private static String redacted(String url) {
            if (url == null) {
                return "(none)";
            }
            String shown = url.strip().replaceAll("(?<=//)[^/?#]*@", "***@");
            int cut = shown.indexOf('?');
            return cut < 0 ? shown : shown.substring(0, cut) + "?...";
        }
    }
}
