package org.nianbao.validate.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.nianbao.validate.config.NianbaoConfig;
import org.nianbao.validate.report.ValidationJson;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Severity;

/**
 * Sends signed JSON alerts for noncompliant and missing reports to the configured endpoints, asynchronously, with
 * exponential backoff, never blocking or failing the Kafka consumer.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final NianbaoConfig.Webhooks config;
    private final ObjectMapper mapper;
    private final ValidationJson json;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-delivery");
        t.setDaemon(true);
        return t;
    });

    public WebhookService(NianbaoConfig config, ObjectMapper mapper) {
        this.config = config.webhooks();
        this.mapper = mapper;
        this.json = new ValidationJson(mapper);
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.timeout()).build();
        for (NianbaoConfig.Endpoint e : this.config.endpoints()) {
            WebhookTargets.check(e.url(), this.config.allowPrivateTargets()); // fail fast on a bad configuration
        }
    }

    /** Alerts the endpoints subscribed to this report's status (and codes, when they filter by code). */
    public void reportValidated(ValidationOutcome o) {
        for (NianbaoConfig.Endpoint e : config.endpoints()) {
            if (!e.events().contains(o.status()) || !matchesCodes(e, o.findings())) {
                continue;
            }
            ObjectNode body = mapper.createObjectNode();
            body.put("event", "report." + o.status());
            body.put("reportId", o.reportId());
            ObjectNode report = (ObjectNode) o.event().path("report");
            body.put("agency", report.path("agency").asText(null));
            body.set("year", report.path("year"));
            body.put("agencyKey", o.event().path("agencyKey").asText(null));
            body.put("status", o.status());
            body.set("counts", o.event().path("counts"));
            body.set("findings", json.findings(o.findings().stream()
                    .filter(f -> f.severity() != Severity.INFO).toList()));
            body.put("recheck", o.recheck());
            send(e, body, summary(report.path("agency").asText("?"), o.status(), o.findings()));
        }
    }

    /** Alerts the endpoints subscribed to missing reports. */
    public void reportMissing(String agencyName, String agencyKey, int year, Finding finding) {
        for (NianbaoConfig.Endpoint e : config.endpoints()) {
            if (!e.events().contains("missing") || !matchesCodes(e, List.of(finding))) {
                continue;
            }
            ObjectNode body = mapper.createObjectNode();
            body.put("event", "report.missing");
            body.put("agency", agencyName);
            body.put("agencyKey", agencyKey);
            body.put("year", year);
            body.put("status", "missing");
            ArrayNode findings = body.putArray("findings");
            findings.add(json.finding(finding));
            send(e, body, finding.message());
        }
    }

    private static boolean matchesCodes(NianbaoConfig.Endpoint e, List<Finding> findings) {
        return e.codes().map(codes -> codes.isEmpty()
                || findings.stream().anyMatch(f -> codes.contains(f.code()))).orElse(true);
    }

    private static String summary(String agency, String status, List<Finding> findings) {
        StringBuilder sb = new StringBuilder("【年报检查】").append(agency).append("：").append(status);
        findings.stream().filter(f -> f.severity() == Severity.ERROR).limit(5)
                .forEach(f -> sb.append("\n- ").append(f.message()));
        return sb.toString();
    }

    private void send(NianbaoConfig.Endpoint endpoint, ObjectNode generic, String text) {
        String body = switch (endpoint.format()) {
            case "dingtalk", "wecom" -> robot("msgtype", "text", "content", text);
            case "feishu" -> robot("msg_type", "content", "text", text);
            default -> generic.put("sentAt", Instant.now().toString()).toString();
        };
        scheduler.execute(() -> attempt(endpoint, body, 1));
    }

    private String robot(String typeField, String contentField, String textField, String text) {
        ObjectNode o = mapper.createObjectNode();
        o.put(typeField, "text");
        o.putObject(contentField.equals("text") ? "text" : "content").put(textField, text);
        return o.toString();
    }

    private void attempt(NianbaoConfig.Endpoint endpoint, String body, int attempt) {
        try {
            URI uri = WebhookTargets.check(endpoint.url(), config.allowPrivateTargets());
            long ts = Instant.now().getEpochSecond();
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            endpoint.secret().ifPresent(s -> req.header(WebhookSigner.SIGNATURE_HEADER,
                    WebhookSigner.sign(s, ts, body)));
            HttpResponse<Void> res = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
            int code = res.statusCode();
            if (code >= 200 && code < 300) {
                return;
            }
            boolean retryable = code == 408 || code == 429 || code >= 500;
            LOG.warnf("webhook %s answered %d (attempt %d)", redact(endpoint.url()), code, attempt);
            if (retryable) {
                retry(endpoint, body, attempt);
            }
        } catch (IOException e) {
            LOG.warnf("webhook %s failed (attempt %d): %s", redact(endpoint.url()), attempt, e.getMessage());
            retry(endpoint, body, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            LOG.errorf("webhook %s refused: %s", redact(endpoint.url()), e.getMessage());
        }
    }

    private void retry(NianbaoConfig.Endpoint endpoint, String body, int attempt) {
        if (attempt >= config.maxAttempts()) {
            LOG.errorf("webhook %s given up after %d attempts", redact(endpoint.url()), attempt);
            return;
        }
        long delay = config.initialBackoff().toMillis() << (attempt - 1);
        scheduler.schedule(() -> attempt(endpoint, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }

    /** Robot URLs carry access tokens in the query; never log them. */
    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
