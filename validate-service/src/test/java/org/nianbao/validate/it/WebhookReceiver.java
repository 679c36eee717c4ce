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
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP receiver for webhook ITs; the service is configured to alert it (private targets allowed). */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "it-webhook-secret";

    /** One received POST. */
    public record Delivery(String signature, String timestamp, String body) {
    }

    public static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                DELIVERIES.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Nianbao-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Nianbao-Timestamp"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        return Map.of("nianbao.webhooks.endpoints[0].url", url,
                "nianbao.webhooks.endpoints[0].secret", SECRET,
                "nianbao.webhooks.endpoints[0].events", "noncompliant,missing");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
