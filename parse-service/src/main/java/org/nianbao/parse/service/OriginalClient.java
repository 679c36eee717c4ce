package org.nianbao.parse.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.parse.config.ParseConfig;
import org.nianbao.parse.messaging.ConsumerProgress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Loads an original's bytes from ingest-service by content address, checking that the bytes really hash to the
 * address asked for. An original that does not exist (404, 400) or has other bytes is a permanent failure (the event
 * goes to the dead-letter topic); anything else (ingest restarting, unreachable, 5xx, timeouts) is transient and
 * retried with doubling backoff until it passes, while readiness says what the consumer waits for.
 */
@ApplicationScoped
public class OriginalClient {

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
        byte[][] loaded = new byte[1][];
        progress.untilDone(() -> loaded[0] = fetchOnce(sha256, uri), OriginalClient::dependencyOf, 1,
                config.fetchBackoff(), config.fetchBackoffMax());
        return loaded[0];
    }

    /** One attempt: the verified bytes, or a permanent or transient failure. */
    private byte[] fetchOnce(String sha256, URI uri) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(config.fetchTimeout())
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return verified(sha256, response.body());
            }
            if (response.statusCode() == 404 || response.statusCode() == 400) {
                throw new OriginalUnavailableException(sha256, uri, "HTTP " + response.statusCode());
            }
            throw new IngestUnavailableException(sha256, "HTTP " + response.statusCode());
        } catch (IOException e) {
            throw new IngestUnavailableException(sha256, e.toString());
        } catch (InterruptedException e) {
            // shutting down: keep the interrupt and go on trying; the record stays unacknowledged and is
            // redelivered after the restart instead of being dead-lettered
            Thread.currentThread().interrupt();
            throw new IngestUnavailableException(sha256, "interrupted");
        }
    }

    /** A missing original or other bytes end the attempts (dead-letter topic); anything else waits for ingest. */
    private static String dependencyOf(RuntimeException e) {
        if (e instanceof OriginalUnavailableException) {
            throw e;
        }
        return "ingest-service";
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

    /** ingest-service did not answer with the original this time (down, restarting, overloaded): worth waiting for. */
    private static final class IngestUnavailableException extends RuntimeException {
        IngestUnavailableException(String sha256, String reason) {
            super("original " + sha256 + ": " + reason, null, false, false);
        }
    }

    /** The original could not be obtained; the event goes to the dead-letter topic and can be replayed from ingest. */
    public static final class OriginalUnavailableException extends RuntimeException {
        public OriginalUnavailableException(String sha256, URI uri, String reason) {
            super("original " + sha256 + (uri == null ? "" : " from " + uri) + " unavailable: " + reason);
        }
    }
}
