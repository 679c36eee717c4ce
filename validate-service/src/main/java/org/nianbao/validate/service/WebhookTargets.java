package org.nianbao.validate.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Refuses webhook URLs that are not http(s) or that point into internal networks (SSRF), unless allowed. */
public final class WebhookTargets {

    private WebhookTargets() {
    }

    /** Throws IllegalArgumentException with the reason when the URL may not be called. */
    public static URI check(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https webhooks are allowed: " + url);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("webhook URL needs a host and no user info: " + url);
        }
        if (allowPrivate) {
            return uri;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(a)) {
                    throw new IllegalArgumentException("webhook target " + uri.getHost() + " resolves to internal "
                            + "address " + a.getHostAddress() + " (set nianbao.webhooks.allow-private-targets)");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown webhook host " + uri.getHost(), e);
        }
        return uri;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // 100.64/10 carrier-grade NAT
                || (first == 169 && second == 254);
    }
}
