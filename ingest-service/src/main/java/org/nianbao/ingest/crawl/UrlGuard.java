package org.nianbao.ingest.crawl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses URLs that are not plain http(s) or that resolve to an internal address (loopback, private, link-local,
 * cloud metadata…), so an untrusted URL cannot make the crawler reach inside the cluster.
 */
public final class UrlGuard {

    private final Set<String> allowedPrivateHosts;

    /** @param allowedPrivateHosts hosts that may resolve to internal addresses (tests, an intranet mirror) */
    public UrlGuard(Set<String> allowedPrivateHosts) {
        this.allowedPrivateHosts = Set.copyOf(allowedPrivateHosts);
    }

    /** Returns the URI when it may be fetched; throws {@link RefusedUrlException} saying why not otherwise. */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim()).normalize();
        } catch (IllegalArgumentException e) {
            throw new RefusedUrlException(url, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException(url, "only http and https are fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedUrlException(url, "no host");
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedUrlException(url, "credentials in URLs are not accepted");
        }
        if (allowedPrivateHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException(url, "host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new RefusedUrlException(url, "host " + host + " resolves to internal address " + address.getHostAddress());
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240
                    || (first == 100 && second >= 64 && second <= 127)   // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)); // benchmarking range
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }

    /** A URL the crawler will not fetch, with the reason. */
    public static final class RefusedUrlException extends RuntimeException {
        public RefusedUrlException(String url, String reason) {
            super("refused URL " + url + ": " + reason);
        }
    }
}
