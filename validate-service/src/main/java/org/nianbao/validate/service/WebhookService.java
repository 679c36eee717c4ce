package org.nianbao.validate.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.nianbao.validate.config.NianbaoConfig;
import org.nianbao.validate.report.ValidationJson;
import org.nianbao.validate.repository.WebhookDeliveryEntity;
import org.nianbao.validate.repository.WebhookDeliveryRepository;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Severity;

/**
 * Turns noncompliant and missing reports into alerts for the subscribed endpoints and writes them to the webhook
 * outbox (PostgreSQL); {@link WebhookDispatcher} delivers them. The same alert for the same endpoint is queued once,
 * so a replayed or redelivered report does not page anyone twice.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final NianbaoConfig.Webhooks config;
    private final ObjectMapper mapper;
    private final ValidationJson json;
    private final WebhookDeliveryRepository outbox;

    public WebhookService(NianbaoConfig config, ObjectMapper mapper, WebhookDeliveryRepository outbox) {
        this.config = config.webhooks();
        this.mapper = mapper;
        this.json = new ValidationJson(mapper);
        this.outbox = outbox;
        for (NianbaoConfig.Endpoint e : this.config.endpoints()) {
            guard(this.config).check(e.url()); // fail fast on a bad configuration
        }
    }

    /** The SSRF guard for webhook targets; nianbao.webhooks.allow-private-targets switches its address check off. */
    static UrlGuard guard(NianbaoConfig.Webhooks config) {
        return new UrlGuard(Set.of(), config.allowPrivateTargets(), "nianbao.webhooks.allow-private-targets");
    }

    /** Queues an alert for each endpoint subscribed to this report's status (and codes, when it filters). */
    @Transactional
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
            Integer year = report.path("year").isInt() ? report.path("year").asInt() : null;
            enqueue(e, body, summary(report.path("agency").asText("?"), o.status(), o.findings()), o.reportId(),
                    o.event().path("agencyKey").asText(null), year);
        }
    }

    /** Queues an alert for each endpoint subscribed to missing reports. */
    @Transactional
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
            enqueue(e, body, finding.message(), null, agencyKey, year);
        }
    }

    /** Stable name of an endpoint in the outbox: its URL may hold an access token, so only a hash is stored. */
    public static String endpointKey(String url) {
        return sha256(url).substring(0, 16);
    }

    /** Robot URLs carry access tokens in the query; never log or store them. */
    public static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
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

    private void enqueue(NianbaoConfig.Endpoint endpoint, ObjectNode generic, String text, String reportId,
                         String agencyKey, Integer year) {
        String key = endpointKey(endpoint.url());
        String dedupe = sha256(key + "\n" + generic);
        String body = switch (endpoint.format()) {
            case "dingtalk", "wecom" -> robot("msgtype", "text", "content", text);
            case "feishu" -> robot("msg_type", "content", "text", text);
            default -> generic.put("raisedAt", Instant.now().toString()).toString();
        };
        WebhookDeliveryEntity d = new WebhookDeliveryEntity();
        d.setEndpointKey(key);
        d.setEndpointLabel(redact(endpoint.url()));
        d.setEvent(generic.path("event").asText());
        d.setReportId(reportId);
        d.setAgencyKey(agencyKey);
        d.setYear(year);
        d.setBody(body);
        d.setDedupeKey(dedupe);
        if (!outbox.enqueue(d)) {
            LOG.debugf("alert %s for %s already queued for %s", d.getEvent(), reportId, d.getEndpointLabel());
        }
    }

    private String robot(String typeField, String contentField, String textField, String text) {
        ObjectNode o = mapper.createObjectNode();
        o.put(typeField, "text");
        o.putObject(contentField.equals("text") ? "text" : "content").put(textField, text);
        return o.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
