package org.nianbao.parse.messaging;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves originals on loopback the way ingest-service does (GET /api/originals/{sha256}), for parse-service tests. */
public class FakeIngestServer implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, byte[]> ORIGINALS = new ConcurrentHashMap<>();
    private static volatile boolean unavailable;
    private HttpServer server;

    /** Stores bytes and returns their sha256, as ingest-service would. */
    public static String store(byte[] content) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            ORIGINALS.put(sha, content);
            return sha;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** While true every request answers 503, as an ingest-service that is restarting or overloaded would. */
    public static void unavailable(boolean value) {
        unavailable = value;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/originals/", exchange -> {
            if (unavailable) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String sha = exchange.getRequestURI().getPath().substring("/api/originals/".length());
            byte[] body = ORIGINALS.get(sha);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return Map.of("nianbao.parse.ingest-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
