package org.nianbao.search.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One real report through the four running services (deploy/test.sh starts them against the local stack; their URLs
 * come from `services.sh env`): upload → parse → validate → searchable with the right facet counts; a replay does not duplicate it; a
 * poison message lands in the dead-letter topic with its reason.
 */
@EnabledIfSystemProperty(named = "nianbao.e2e", matches = "true")
class EndToEndIT {

    private static final String INGEST = System.getenv().getOrDefault("NIANBAO_INGEST_URL", "http://127.0.0.1:8081");
    private static final String SEARCH = System.getenv().getOrDefault("NIANBAO_SEARCH_URL", "http://127.0.0.1:8084");
    private static final Path REPORT = Path.of("..", "deploy", "demo", "corpus", "pingtan-syq-2021.txt");
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);

    private static KafkaCompanion kafka;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aReportTravelsFromIngestToSearchWithTheRightFacetsAndReplayDoesNotDuplicateIt() throws Exception {
        String filter = "year=2021&province=" + enc("福建省");
        JsonNode before = get(SEARCH + "/api/search?size=1&" + filter).orElseThrow();
        long totalBefore = before.get("total").asLong();
        long levelCountBefore = facetCount(before, "year", "2021");

        String fileName = "e2e-" + UUID.randomUUID() + "-pingtan-syq-2021.txt";
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/reports?fileName=" + enc(fileName)))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(REPORT))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, upload.statusCode(), upload.body());
        String reportId = json.readTree(upload.body()).get("reportId").asText();

        JsonNode report = awaitReport(reportId);
        assertEquals(2021, report.get("year").asInt());
        assertEquals("2021", report.get("formatVersion").asText());
        assertEquals("福建省", report.get("province").asText());
        assertTrue(report.get("agency").asText().contains("平潭综合实验区"), report.get("agency").asText());
        assertEquals(java.util.List.of(1, 2, 3, 4, 5, 6), numberedSections(report), "the six national sections, in order");
        assertTrue(cellValue(report, "s3.new.total").isPresent(), "table 三 cell s3.new.total is shown");
        assertEquals(70, cellValue(report, "s3.new.total").get().asInt());
        assertNotNull(report.get("status").asText());

        // the document is readable by id at once, but reaches search results only after the index refreshes (≈ 1 s)
        assertTrue(awaitHit(SEARCH + "/api/search?size=100&q=" + enc("平潭综合实验区") + "&" + filter, reportId),
                "the new report is a hit of a Chinese full-text query");
        JsonNode facets = get(SEARCH + "/api/search?size=1&" + filter).orElseThrow();
        assertEquals(totalBefore + 1, facets.get("total").asLong(), "exactly one more report for 2021 / 福建省");
        assertEquals(levelCountBefore + 1, facetCount(facets, "year", "2021"), "the year facet counts it once");

        // replay every version of this report through the whole pipeline: consumers are idempotent
        String validatedAt = report.get("validatedAt").asText();
        HttpResponse<String> replay = http.send(HttpRequest.newBuilder(URI.create(INGEST + "/api/admin/replay/" + reportId))
                .header("Authorization", "Bearer " + adminToken()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, replay.statusCode(), replay.body());
        awaitRevalidated(reportId, validatedAt);
        JsonNode afterReplay = get(SEARCH + "/api/search?size=1&" + filter).orElseThrow();
        assertEquals(totalBefore + 1, afterReplay.get("total").asLong(), "a replay does not create a duplicate");
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterTopicWithItsReason() {
        String key = "poison-" + UUID.randomUUID();
        kafka.produceStrings().fromRecords(new ProducerRecord<>("report.fetched", key, "{not json at all"))
                .awaitCompletion(Duration.ofSeconds(20));
        ConsumerTask<String, String> dlq = kafka.consumeStrings()
                .withGroupId("e2e-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics("report.fetched.dlq", Duration.ofSeconds(30));
        dlq.awaitCompletion(Duration.ofSeconds(40));
        ConsumerRecord<String, String> dead = dlq.getRecords().stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no message keyed " + key + " in report.fetched.dlq"));
        assertEquals("{not json at all", dead.value(), "the original payload is kept");
        var reason = dead.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "the reason is in the headers");
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not valid JSON"),
                new String(reason.value(), StandardCharsets.UTF_8));
    }

    private JsonNode awaitReport(String reportId) throws Exception {
        Instant deadline = Instant.now().plus(PIPELINE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> report = get(SEARCH + "/api/reports/" + reportId);
            if (report.isPresent()) {
                return report.get();
            }
            Thread.sleep(1000);
        }
        return fail("report " + reportId + " was not searchable within " + PIPELINE_TIMEOUT);
    }

    private boolean awaitHit(String url, String reportId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (containsHit(get(url).orElseThrow(), reportId)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private void awaitRevalidated(String reportId, String validatedAt) throws Exception {
        Instant deadline = Instant.now().plus(PIPELINE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode report = get(SEARCH + "/api/reports/" + reportId).orElseThrow();
            if (!validatedAt.equals(report.get("validatedAt").asText())) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("the replayed report " + reportId + " was not validated again within " + PIPELINE_TIMEOUT);
    }

    private Optional<JsonNode> get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        assertEquals(200, response.statusCode(), url + " → " + response.body());
        return Optional.of(json.readTree(response.body()));
    }

    private static Optional<JsonNode> cellValue(JsonNode report, String key) {
        for (JsonNode table : report.get("tables")) {
            for (JsonNode row : table.get("rows")) {
                for (JsonNode cell : row.get("cells")) {
                    if (key.equals(cell.get("key").asText())) {
                        return Optional.of(cell.get("value"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static java.util.List<Integer> numberedSections(JsonNode report) {
        java.util.List<Integer> numbers = new java.util.ArrayList<>();
        report.get("sections").forEach(s -> {
            if (s.get("number").asInt() > 0) {
                numbers.add(s.get("number").asInt());
            }
        });
        return numbers;
    }

    private static boolean containsHit(JsonNode result, String id) {
        for (JsonNode hit : result.get("hits")) {
            if (id.equals(hit.get("id").asText())) {
                assertFalse(hit.get("highlights").isEmpty() && hit.get("titleHighlight").isNull(), "the hit carries highlights");
                return true;
            }
        }
        return false;
    }

    private static long facetCount(JsonNode result, String facet, String value) {
        JsonNode counts = result.get("facets").get(facet);
        if (counts == null) {
            return 0;
        }
        for (JsonNode c : counts) {
            if (value.equals(c.get("value").asText())) {
                return c.get("count").asLong();
            }
        }
        return 0;
    }

    private static String adminToken() {
        String token = System.getenv("NIANBAO_ADMIN_TOKEN");
        assertNotNull(token, "NIANBAO_ADMIN_TOKEN must be set (deploy/test.sh exports it from services.sh env)");
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
