package org.nianbao.ingest.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Fetches pages the way a polite crawler should: one user agent, robots.txt obeyed, a pause between requests to
 * the same host, a size cap, and every redirect hop checked by the {@link UrlGuard} again.
 */
public final class PoliteFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final UrlGuard guard;
    private final String userAgent;
    private final Duration delay;
    private final Duration timeout;
    private final long maxBytes;
    private final Map<String, Long> lastRequestAt = new HashMap<>();
    private final Map<String, RobotsRules> robots = new HashMap<>();

    public PoliteFetcher(UrlGuard guard, String userAgent, Duration delay, Duration timeout, long maxBytes) {
        this.guard = guard;
        this.userAgent = userAgent;
        this.delay = delay;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** A fetched resource: the final URL, its declared content type and its bytes. */
    public record Fetched(URI url, String contentType, byte[] body) {
        public String bodyAsText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Fetches a URL; throws {@link FetchException} for refused URLs, robots exclusions, HTTP errors and oversize bodies. */
    public synchronized Fetched fetch(String url) {
        URI uri = guard.check(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!robotsFor(uri).permits(uri.getRawPath())) {
                throw new FetchException(uri + " is excluded by the site's robots.txt");
            }
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                URI from = uri;
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new FetchException(from + " answered " + status + " without Location"));
                closeQuietly(response.body());
                uri = guard.check(uri.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw new FetchException(uri + " answered HTTP " + status);
            }
            return new Fetched(uri, response.headers().firstValue("Content-Type").orElse(null), readCapped(uri, response.body()));
        }
        throw new FetchException(url + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private RobotsRules robotsFor(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return robots.computeIfAbsent(origin, o -> {
            try {
                HttpResponse<InputStream> response = send(URI.create(o + "/robots.txt"));
                if (response.statusCode() != 200) {
                    closeQuietly(response.body());
                    return RobotsRules.allowAll();
                }
                return RobotsRules.parse(new String(readCapped(uri, response.body()), StandardCharsets.UTF_8), userAgent);
            } catch (FetchException e) {
                return RobotsRules.allowAll();
            }
        });
    }

    private HttpResponse<InputStream> send(URI uri) {
        pause(uri.getHost());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/pdf,application/msword,*/*;q=0.5")
                .GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchException(uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(uri + ": interrupted");
        }
    }

    private void pause(String host) {
        long now = System.nanoTime();
        Long last = lastRequestAt.get(host);
        if (last != null) {
            long waitNanos = delay.toNanos() - (now - last);
            if (waitNanos > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(waitNanos));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        lastRequestAt.put(host, System.nanoTime());
    }

    private byte[] readCapped(URI uri, InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (out.size() + read > maxBytes) {
                    throw new FetchException(uri + " is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException(uri + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read from a response we do not want
        }
    }

    /** A page that could not be fetched, with the reason. */
    public static final class FetchException extends RuntimeException {
        public FetchException(String message) {
            super(message);
        }
    }
}
