package org.nianbao.parse.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.nianbao.parse.config.ParseConfig;

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
 * Loads an original's bytes from ingest-service by content address, retrying transient faults with backoff and
 * checking that the bytes really hash to the address asked for.
 */
@ApplicationScoped
public class OriginalClient {

    private static final Logger LOG = Logger.getLogger(OriginalClient.class);

    private final ParseConfig config;
    private final HttpClient http;

    public OriginalClient(ParseConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout()).build();
    }

    public byte[] load(String sha256) {
        URI uri = URI.create(config.ingestUrl().replaceAll("/+$", "") + "/api/originals/" + sha256);
        Duration pause = config.fetchBackoff();
        String lastError = "no attempt made";
        for (int attempt = 1; attempt <= config.fetchAttempts(); attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(config.fetchTimeout()).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    return verified(sha256, response.body());
                }
                lastError = "HTTP " + response.statusCode();
                if (response.statusCode() == 404 || response.statusCode() == 400) {
                    break; // not transient
                }
            } catch (IOException e) {
                lastError = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OriginalUnavailableException(sha256, uri, "interrupted");
            }
            LOG.warnf("original %s: attempt %d/%d failed (%s)", sha256, attempt, config.fetchAttempts(), lastError);
            sleep(pause);
            pause = pause.multipliedBy(2);
        }
        throw new OriginalUnavailableException(sha256, uri, lastError);
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

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The original could not be obtained; the event goes to the dead-letter topic and can be replayed from ingest. */
    public static final class OriginalUnavailableException extends RuntimeException {
        public OriginalUnavailableException(String sha256, URI uri, String reason) {
            super("original " + sha256 + (uri == null ? "" : " from " + uri) + " unavailable: " + reason);
        }
    }
}
