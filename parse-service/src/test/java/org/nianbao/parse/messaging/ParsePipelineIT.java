package org.nianbao.parse.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the real Kafka of deploy/local, on the test profile's own topics: parse-it.report.fetched in,
 * parse-it.report.parsed out; unreadable input to parse-it.report.fetched.dlq; a hostile upload parsed within its budget while the reports behind it keep flowing.
 */
@QuarkusTest
@QuarkusTestResource(FakeIngestServer.class)
class ParsePipelineIT {

    private static KafkaCompanion kafka;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        // The test profile's own topics, with the partitions the production ones have (the DLQ exists before the
        // first dead letter, so its backlog gauge is there from the start).
        for (String topic : List.of("parse-it.report.fetched", "parse-it.report.fetched.dlq", "parse-it.report.parsed")) {
            if (!kafka.topics().list().contains(topic)) {
                kafka.topics().createAndWait(topic, 3);
            }
        }
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static String fetchedEvent(String reportId, String sha, String fileName) {
        return """
                {"schemaVersion":1,"reportId":"%s","version":1,"sha256":"%s","previousSha256":null,"sizeBytes":1,
                 "contentType":null,"fileName":"%s","sourceUrl":null,"sourceKind":"upload","draft":false,
                 "fetchedAt":"2026-01-20T08:00:00Z","firstSeenAt":"2026-01-20T08:00:00Z","hints":{}}"""
                .formatted(reportId, sha, fileName);
    }

    private ConsumerRecord<String, String> awaitKeyed(String topic, String key) {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("parse-it-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                var found = task.getRecords().stream().filter(r -> key.equals(r.key())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            task.stop();
        }
        throw new AssertionError("no message keyed " + key + " on " + topic + " within 60 s");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ParsePipelineIT.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    @Test
    void aFetchedReportIsParsedAndEmittedUnderItsKey() throws Exception {
        String reportId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String sha = FakeIngestServer.store(resource("/pipeline/pingtan-syq-2021.txt"));
        kafka.produceStrings().fromRecords(new ProducerRecord<>("parse-it.report.fetched", reportId, fetchedEvent(reportId, sha, "pingtan-syq-2021.txt")))
                .awaitCompletion(Duration.ofSeconds(20));

        JsonNode parsed = json.readTree(awaitKeyed("parse-it.report.parsed", reportId).value());
        assertEquals(reportId, parsed.get("reportId").asText());
        assertEquals(sha, parsed.get("source").get("sha256").asText());
        assertEquals(1, parsed.get("source").get("version").asInt());
        assertEquals(2021, parsed.get("year").asInt());
        assertEquals("2021", parsed.get("formatVersion").asText());
        assertEquals(70, parsed.get("cells").get("s3.new.total").asInt());
        assertTrue(parsed.get("parsedAt").asText().startsWith("20"));
    }

    /**
     * The demo's glued-digit report with every glued run replaced by 3,000 digits (issue 19): once it stalled the
     * consumer for good. Now it is parsed with its unsplittable rows left null and flagged, the reports sent right
     * after it are parsed too, and the service stays ready.
     */
    @Test
    void aHostileReportIsParsedWithWarningsAndDoesNotStallTheOthers() throws Exception {
        String original = new String(resource("/pipeline/pingtan-syq-2021.txt"), StandardCharsets.UTF_8);
        String hostile = Pattern.compile("(?<=\\p{IsHan})\\d{6,}")
                .matcher(original).replaceAll("1234567890".repeat(300));
        assertTrue(hostile.length() > original.length() + 20_000, "glued runs were replaced");
        String hostileId = "hostile" + UUID.randomUUID().toString().replace("-", "").substring(0, 13);
        String hostileSha = FakeIngestServer.store(hostile.getBytes(StandardCharsets.UTF_8));
        String normalSha = FakeIngestServer.store(resource("/pipeline/pingtan-syq-2021.txt"));
        List<String> normalIds = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(new ProducerRecord<>("parse-it.report.fetched", hostileId, fetchedEvent(hostileId, hostileSha, "hostile.txt")));
        for (int i = 0; i < 3; i++) {
            String id = "after" + i + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
            normalIds.add(id);
            records.add(new ProducerRecord<>("parse-it.report.fetched", id, fetchedEvent(id, normalSha, "pingtan-syq-2021.txt")));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(20));

        JsonNode parsed = json.readTree(awaitKeyed("parse-it.report.parsed", hostileId).value());
        List<String> codes = new ArrayList<>();
        parsed.get("warnings").forEach(w -> codes.add(w.get("code").asText()));
        assertTrue(codes.contains("PARSE.DIGITS_UNSPLIT"), codes.toString());
        assertTrue(parsed.get("cells").get("s3.new.total").isNull(), "a 3,000-digit run is no value: " + parsed.get("cells"));
        for (String id : normalIds) {
            JsonNode normal = json.readTree(awaitKeyed("parse-it.report.parsed", id).value());
            assertEquals(70, normal.get("cells").get("s3.new.total").asInt(), id);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * ingest-service unavailable (503) is a transient fault: the record waits with readiness DOWN saying why, is
     * never dead-lettered, and is parsed as soon as ingest answers again.
     */
    @Test
    void anUnavailableIngestIsWaitedForNeverDeadLettered() throws Exception {
        String reportId = "waits" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
        String sha = FakeIngestServer.store(resource("/pipeline/pingtan-syq-2021.txt"));
        FakeIngestServer.unavailable(true);
        try {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("parse-it.report.fetched", reportId,
                    fetchedEvent(reportId, sha, "waits.txt"))).awaitCompletion(Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 200;
            while (status == 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                status = given().get("/q/health/ready").statusCode();
            }
            assertEquals(503, status, "readiness DOWN while the consumer waits for ingest-service");
            String body = given().get("/q/health/ready").asString();
            assertTrue(body.contains("ingest-service unavailable") && body.contains("HTTP 503"), body);
            Thread.sleep(3000); // several attempts, each of which used to count towards the dead-letter topic
        } finally {
            FakeIngestServer.unavailable(false);
        }
        JsonNode parsed = json.readTree(awaitKeyed("parse-it.report.parsed", reportId).value());
        assertEquals(70, parsed.get("cells").get("s3.new.total").asInt());
        given().get("/q/health/ready").then().statusCode(200);
        ConsumerTask<String, String> dlq = kafka.consumeStrings().withGroupId("parse-it-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics("parse-it.report.fetched.dlq");
        try {
            Thread.sleep(2000);
            assertTrue(dlq.getRecords().stream().noneMatch(r -> reportId.equals(r.key())), "never dead-lettered");
        } finally {
            dlq.stop();
        }
    }

    @Test
    void garbageBytesGoToTheDeadLetterTopicWithTheReason() throws Exception {
        String reportId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        String sha = FakeIngestServer.store(garbage);
        String event = fetchedEvent(reportId, sha, "garbage.bin");
        kafka.produceStrings().fromRecords(new ProducerRecord<>("parse-it.report.fetched", reportId, event)).awaitCompletion(Duration.ofSeconds(20));

        ConsumerRecord<String, String> dead = awaitKeyed("parse-it.report.fetched.dlq", reportId);
        assertEquals(event, dead.value(), "the event is kept as it was, to be replayed");
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.length() > 10, reason);
    }

    /**
     * What an operator alerts on, read from the broker: committed lag of the consumer group per partition, messages
     * held by the dead-letter topic (a garbage upload puts one there), and the consumer's own state.
     */
    @Test
    void backlogAndDeadLettersAreExported() throws Exception {
        garbageBytesGoToTheDeadLetterTopicWithTheReason();
        Pattern dlq = Pattern.compile("(?m)^nianbao_dlq_messages\\{topic=\"parse-it\\.report\\.fetched\\.dlq\"} (\\d+)");
        String metrics = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            metrics = given().get("/q/metrics").asString();
            var m = dlq.matcher(metrics);
            if (m.find() && Double.parseDouble(m.group(1)) >= 1) {
                break;
            }
            Thread.sleep(1000);
        }
        assertTrue(dlq.matcher(metrics).find(), "DLQ count exported: " + grepNianbao(metrics));
        for (int partition = 0; partition < 3; partition++) {
            assertTrue(metrics.contains("partition=\"" + partition + "\",topic=\"parse-it.report.fetched\""),
                    "lag of partition " + partition + ": " + grepNianbao(metrics));
        }
        assertTrue(metrics.contains("nianbao_consumer_in_hand{channel=\"report-fetched\"}"), grepNianbao(metrics));
        assertTrue(metrics.contains("nianbao_consumer_oldest_in_hand_seconds{channel=\"report-fetched\"}"),
                grepNianbao(metrics));
    }

    private static String grepNianbao(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("nianbao_")).toList().toString();
    }

    @Test
    void aMissingOriginalGoesToTheDeadLetterTopicNamingTheHash() {
        String reportId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String sha = "ab".repeat(32);
        kafka.produceStrings().fromRecords(new ProducerRecord<>("parse-it.report.fetched", reportId, fetchedEvent(reportId, sha, "x.pdf")))
                .awaitCompletion(Duration.ofSeconds(20));
        String reason = new String(awaitKeyed("parse-it.report.fetched.dlq", reportId).headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains(sha) && reason.contains("HTTP 404"), reason);
    }
}
