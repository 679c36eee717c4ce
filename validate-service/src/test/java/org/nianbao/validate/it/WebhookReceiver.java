package org.nianbao.validate.it;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP receiver for webhook ITs; the service is configured to alert it (private targets allowed). */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "it-webhook-secret";

    /** One received POST. */
    public record Delivery(String signature, String timestamp, String body) {
    }

    public static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    /** Bodies containing a key are answered with its status code instead of 204, as often as its count says. */
    public static final Map<String, Failure> FAILURES = new ConcurrentHashMap<>();

    /** A scripted failure: answer {@code status} to the next {@code times} matching requests. */
    public record Failure(int status, AtomicInteger times) {
        public static Failure of(int status, int times) {
            return new Failure(status, new AtomicInteger(times));
        }
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = FAILURES.entrySet().stream()
                    .filter(f -> body.contains(f.getKey()) && f.getValue().times().getAndDecrement() > 0)
                    .map(f -> f.getValue().status()).findFirst().orElse(204);
            if (status == 204) {
                DELIVERIES.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Nianbao-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Nianbao-Timestamp"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        return Map.of("nianbao.webhooks.endpoints[0].url", url,
                "nianbao.webhooks.secret", SECRET,
                "nianbao.webhooks.endpoints[0].events", "noncompliant,missing");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
