package org.nianbao.parse.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.nianbao.parse.config.ParseConfig;
import org.nianbao.parse.messaging.ConsumerProgress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Loads an original's bytes from ingest-service by content address, checking that the bytes really hash to the
 * address asked for. An original that does not exist (404, 400) or has other bytes is a permanent failure (the event
 * goes to the dead-letter topic); anything else (ingest restarting, unreachable, 5xx, timeouts) is transient and
 * retried with doubling backoff until it passes, while readiness says what the consumer waits for.
 */
@ApplicationScoped
public class OriginalClient {

    private static final Logger LOG = Logger.getLogger(OriginalClient.class);

    private final ParseConfig config;
    private final HttpClient http;
    private final ConsumerProgress progress;

    public OriginalClient(ParseConfig config, ConsumerProgress progress) {
        this.config = config;
        this.progress = progress;
        this.http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout()).build();
    }

    /**
     * The original's bytes; blocks while ingest-service is unavailable.
     *
     * @throws OriginalUnavailableException when the original does not exist or has other bytes (permanent)
     */
    public byte[] load(String sha256) {
        URI uri = URI.create(config.ingestUrl().replaceAll("/+$", "") + "/api/originals/" + sha256);
        Duration pause = config.fetchBackoff();
        try {
            for (int attempt = 1; ; attempt++) {
                String error;
                try {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(config.fetchTimeout())
                            .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200) {
                        return verified(sha256, response.body());
                    }
                    if (response.statusCode() == 404 || response.statusCode() == 400) {
                        throw new OriginalUnavailableException(sha256, uri, "HTTP " + response.statusCode());
                    }
                    error = "HTTP " + response.statusCode();
                } catch (IOException e) {
                    error = e.toString();
                } catch (InterruptedException e) {
                    // shutting down: keep the interrupt and go on trying; the record stays unacknowledged and is
                    // redelivered after the restart instead of being dead-lettered
                    Thread.currentThread().interrupt();
                    error = "interrupted";
                }
                progress.waitingFor("ingest-service", error);
                LOG.warnf("original %s: attempt %d failed (%s), next in %d ms", sha256, attempt, error, pause.toMillis());
                ConsumerProgress.sleepThroughInterrupts(pause);
                pause = min(pause.multipliedBy(2), config.fetchBackoffMax());
            }
        } finally {
            progress.resumed();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static byte[] verified(String sha256, byte[] body) {
        try {
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            if (!actual.equals(sha256)) {
                throw new OriginalUnavailableException(sha256, null, "bytes hash to " + actual);
            }
            return body;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The original could not be obtained; the event goes to the dead-letter topic and can be replayed from ingest. */
    public static final class OriginalUnavailableException extends RuntimeException {
        public OriginalUnavailableException(String sha256, URI uri, String reason) {
            super("original " + sha256 + (uri == null ? "" : " from " + uri) + " unavailable: " + reason);
        }
    }
}
