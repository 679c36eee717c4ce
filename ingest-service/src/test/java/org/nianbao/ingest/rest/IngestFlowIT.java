package org.nianbao.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.repository.ReportVersionRepository;
import org.nianbao.ingest.service.ContentHashes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real PostgreSQL and Kafka of deploy/local: originals and versions stored, report.fetched emitted once per content. */
@QuarkusTest
class IngestFlowIT {

    private static final String ADMIN = "Bearer test-admin-token";
    private static KafkaCompanion kafka;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ReportVersionRepository versions;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private List<JsonNode> fetchedEventsFor(String reportId, int expected) throws Exception {
        ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("ingest-it-" + UUID.randomUUID())
                .withOffsetReset(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST)
                .fromTopics("report.fetched", Duration.ofSeconds(15));
        task.awaitCompletion(Duration.ofSeconds(20));
        List<JsonNode> events = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : task.getRecords()) {
            if (reportId.equals(r.key())) {
                events.add(json.readTree(r.value()));
            }
        }
        assertEquals(expected, events.size(), "report.fetched events keyed " + reportId);
        return events;
    }

    @Test
    void uploadStoresTheOriginalEmitsOnceAndVersionsEdits() throws Exception {
        String name = "it-" + UUID.randomUUID() + ".txt";
        byte[] v1 = "2023年某某街道办事处政府信息公开工作年度报告\n一、总体情况\n".getBytes(StandardCharsets.UTF_8);
        String reportId = ContentHashes.reportId("upload:" + name);

        given().queryParam("fileName", name).contentType("text/plain").body(v1)
                .when().post("/api/reports")
                .then().statusCode(201).body("reportId", equalTo(reportId)).body("version", equalTo(1))
                .body("change", equalTo("NEW_REPORT"));
        // the same bytes again: nothing new
        given().queryParam("fileName", name).contentType("text/plain").body(v1)
                .when().post("/api/reports")
                .then().statusCode(200).body("change", equalTo("UNCHANGED"));
        // edited after publication: version 2
        byte[] v2 = (new String(v1, StandardCharsets.UTF_8) + "（更正）").getBytes(StandardCharsets.UTF_8);
        given().queryParam("fileName", name).contentType("text/plain").body(v2)
                .when().post("/api/reports")
                .then().statusCode(201).body("version", equalTo(2)).body("change", equalTo("NEW_VERSION"));

        assertEquals(2, versions.listForReport(reportId).size());
        byte[] stored = given().when().get("/api/originals/" + ContentHashes.sha256(v1))
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(v1, stored);

        List<JsonNode> events = fetchedEventsFor(reportId, 2);
        JsonNode first = events.get(0);
        JsonNode second = events.get(1);
        assertEquals(1, first.get("version").asInt());
        assertEquals(ContentHashes.sha256(v1), first.get("sha256").asText());
        assertTrue(first.get("previousSha256").isNull());
        assertEquals("upload", first.get("sourceKind").asText());
        assertEquals(2, second.get("version").asInt());
        assertEquals(ContentHashes.sha256(v1), second.get("previousSha256").asText());
        assertEquals(v2.length, second.get("sizeBytes").asInt());
        assertTrue(versions.listForReport(reportId).stream().allMatch(v -> v.emittedAt != null), "every version marked emitted");
    }

    @Test
    void refusesEmptyAndOversizeDocumentsWithAReason() {
        given().queryParam("fileName", "empty.txt").body(new byte[0]).when().post("/api/reports")
                .then().statusCode(400).body("error", containsString("empty"));
        given().queryParam("fileName", "huge.pdf").contentType("application/pdf").body(new byte[2_000_001])
                .when().post("/api/reports")
                .then().statusCode(413).body("error", containsString("exceed the limit"));
    }

    @Test
    void folderImportNeedsTheAdminTokenAndStoresEveryFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("batch-" + UUID.randomUUID()));
        Files.writeString(folder.resolve("a.txt"), "2022年甲镇政府信息公开工作年度报告");
        Files.writeString(folder.resolve("b.html"), "<html><body>2022年乙镇政府信息公开工作年度报告</body></html>");
        Files.write(folder.resolve("empty.doc"), new byte[0]);
        String body = "{\"path\":\"" + folder + "\"}";

        given().contentType("application/json").body(body).when().post("/api/admin/import-folder").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType("application/json").body(body)
                .when().post("/api/admin/import-folder").then().statusCode(401);

        given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/api/admin/import-folder")
                .then().statusCode(200)
                .body("files", equalTo(3)).body("newReports", equalTo(2))
                .body("rejected[0]", containsString("empty.doc"));
        // importing again finds nothing new
        given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/api/admin/import-folder")
                .then().statusCode(200).body("newReports", equalTo(0)).body("unchanged", equalTo(2));
    }

    @Test
    void crawlRefusesInternalTargetsThatAreNotAllowListed() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"url\":\"http://169.254.169.254/latest/meta-data/\"}")
                .when().post("/api/admin/crawl")
                .then().statusCode(400).body("error", containsString("internal address"));
    }

    @Test
    void unknownOriginalIs404() {
        given().when().get("/api/originals/" + "0".repeat(64)).then().statusCode(404);
    }
}
