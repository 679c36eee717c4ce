package org.nianbao.validate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.validate.repository.ValidatedReportEntity;
import org.nianbao.validate.repository.ValidatedReportRepository;
import org.nianbao.validate.service.WebhookSigner;

/** report.parsed → PostgreSQL row + report.validated on the real local Kafka and PostgreSQL (deploy/local/stack.sh). */
@QuarkusTest
@QuarkusTestResource(WebhookReceiver.class)
class KafkaPipelineIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaCompanion companion;

    @Inject
    ValidatedReportRepository repository;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void companion() {
        String servers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        companion = new KafkaCompanion(servers);
        for (String topic : List.of("report.parsed", "report.validated", "report.parsed.dlq")) {
            try {
                if (!companion.topics().list().contains(topic)) {
                    companion.topics().createAndWait(topic, 1);
                }
            } catch (RuntimeException alreadyCreatedConcurrently) {
                // another service's test may have created it in between
            }
        }
    }

    @AfterAll
    static void close() {
        companion.close();
    }

    private void send(String topic, String key, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion(WAIT);
    }

    /** The first record with this key whose value contains {@code text} (other instances may publish too). */
    private ConsumerRecord<String, String> awaitContaining(String topic, String key, String text) {
        return companion.consumeStrings()
                .fromTopics(topic, m -> m.select().where(r -> key.equals(r.key()) && r.value().contains(text))
                        .select().first(1))
                .awaitCompletion(WAIT).getRecords().get(0);
    }

    private List<ConsumerRecord<String, String>> await(String topic, String key, int count) {
        return companion.consumeStrings()
                .fromTopics(topic, m -> m.select().where(r -> key.equals(r.key())).select().first(count))
                .awaitCompletion(WAIT).getRecords();
    }

    private long rows(String reportId) {
        return QuarkusTransaction.requiringNew().call(() -> repository.count("reportId", reportId));
    }

    private static List<String> codes(JsonNode event) {
        return StreamSupport.stream(event.get("findings").spliterator(), false).map(f -> f.get("code").asText())
                .toList();
    }

    @Test
    void parsedEventIsStoredAndValidatedEventCarriesFindings() throws Exception {
        String id = ItData.id("it-outcome");
        ObjectNode report = ItData.report("pingtan-syq-2020-outcome-off", id, ItData.agency());
        send("report.parsed", id, report.toString());

        JsonNode event = MAPPER.readTree(await("report.validated", id, 1).get(0).value());
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals("noncompliant", event.get("status").asText());
        assertEquals(report, event.get("report"), "the parsed body travels unchanged");
        JsonNode outcome = StreamSupport.stream(event.get("findings").spliterator(), false)
                .filter(f -> f.get("code").asText().equals("S3.OUTCOME_TOTAL")
                        && f.get("cells").get(0).asText().equals("s3.processed_total.total"))
                .findFirst().orElseThrow();
        assertEquals(27, outcome.get("expected").asInt());
        assertEquals(21, outcome.get("actual").asInt());
        assertEquals("2021-03-31", event.get("deadline").asText());

        ValidatedReportEntity row = QuarkusTransaction.requiringNew()
                .call(() -> repository.findById(id));
        assertNotNull(row);
        assertEquals("noncompliant", row.getStatus());
        assertEquals(event.get("counts").get("error").asInt(), row.getErrorCount());
        assertTrue(row.getFindings().contains("S3.OUTCOME_TOTAL"));
        assertTrue(row.getCells().contains("s3.processed_total.total"));

        WebhookReceiver.Delivery hook = awaitDelivery(id);
        assertEquals(WebhookSigner.sign(WebhookReceiver.SECRET, Long.parseLong(hook.timestamp()), hook.body()),
                hook.signature(), "signature verifies with the shared secret");
        JsonNode body = MAPPER.readTree(hook.body());
        assertEquals("report.noncompliant", body.get("event").asText());
        assertTrue(codes(body).contains("S3.OUTCOME_TOTAL"));
    }

    @Test
    void redeliveryDoesNotDuplicateTheRow() throws Exception {
        String id = ItData.id("it-redeliver");
        String payload = ItData.report("pingtan-syq-2021", id, ItData.agency()).toString();
        send("report.parsed", id, payload);
        send("report.parsed", id, payload);
        List<ConsumerRecord<String, String>> events = await("report.validated", id, 2);
        assertEquals(2, events.size());
        assertEquals(1, rows(id));
        assertEquals(codes(MAPPER.readTree(events.get(0).value())), codes(MAPPER.readTree(events.get(1).value())));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicWithAReason() {
        String id = ItData.id("it-poison");
        send("report.parsed", id, "{\"schemaVersion\": 1, \"cells\": \"not an object\"");
        ConsumerRecord<String, String> dead = await("report.parsed.dlq", id, 1).get(0);
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "reason header");
        assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("JSON"),
                new String(reason.value(), StandardCharsets.UTF_8));
        assertEquals(0, rows(id));
    }

    @Test
    void lateArrivingPreviousYearRechecksAndReEmitsTheLaterReport() throws Exception {
        String agency = ItData.agency();
        String id2021 = ItData.id("it-2021");
        ObjectNode y2021 = ItData.report("pingtan-syq-2021", id2021, agency);
        ObjectNode c = ItData.cells(y2021);
        c.put("s3.carried_in.natural", 2).put("s3.carried_in.total", 2);
        c.put("s3.carried_out.natural", 3).put("s3.carried_out.total", 3);
        send("report.parsed", id2021, y2021.toString());
        JsonNode first = MAPPER.readTree(await("report.validated", id2021, 1).get(0).value());
        assertTrue(!codes(first).contains("YEAR.CARRY_OVER"), "no history yet");

        String id2020 = ItData.id("it-2020");
        ObjectNode y2020 = ItData.report("pingtan-syq-2019", id2020, agency);
        y2020.put("year", 2020).put("publishedAt", "2021-01-20");
        send("report.parsed", id2020, y2020.toString());

        JsonNode second = MAPPER.readTree(awaitContaining("report.validated", id2021, "YEAR.CARRY_OVER").value());
        assertTrue(codes(second).contains("YEAR.CARRY_OVER"), second.get("findings").toString());
        assertTrue(second.get("validatedAt").asText().compareTo(first.get("validatedAt").asText()) > 0);
        assertEquals("noncompliant", second.get("status").asText());
        ValidatedReportEntity row = QuarkusTransaction.requiringNew().call(() -> repository.findById(id2021));
        assertTrue(row.getFindings().contains("YEAR.CARRY_OVER"), "stored findings updated too");
        assertEquals(1, await("report.validated", id2020, 1).size());
    }

    private static WebhookReceiver.Delivery awaitDelivery(String needle) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<WebhookReceiver.Delivery> found = new ArrayList<>(WebhookReceiver.DELIVERIES);
            for (WebhookReceiver.Delivery d : found) {
                if (d.body().contains(needle)) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no webhook delivery mentioning " + needle);
    }

    static WebhookReceiver.Delivery delivery(String needle) throws InterruptedException {
        return awaitDelivery(needle);
    }
}
