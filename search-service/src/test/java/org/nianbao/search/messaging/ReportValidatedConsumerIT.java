package org.nianbao.search.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nianbao.search.IndexedFixtures;
import org.nianbao.search.TestEvents;
import org.nianbao.search.repository.ReportIndexRepository;

/** The Kafka consumer against the real broker and Elasticsearch: projection, redelivery, ordering, dead letters. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportValidatedConsumerIT {

    @Inject
    ElasticsearchClient es;
    @Inject
    ReportIndexRepository repository;
    @ConfigProperty(name = "mp.messaging.incoming.report-validated.topic")
    String topic;
    @ConfigProperty(name = "mp.messaging.incoming.report-validated.dead-letter-queue.topic")
    String dlqTopic;

    private KafkaCompanion kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void connect() {
        kafka = new KafkaCompanion(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        kafka.registerSerde(String.class, Serdes.String());
        repository.ensureIndex();
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    private void send(String key, String value) {
        kafka.produce(String.class, String.class).fromRecords(new ProducerRecord<>(topic, key, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    private long count(String id) {
        repository.refresh(repository.alias());
        return IndexedFixtures.count(es, repository.alias(), id);
    }

    @Test
    void projectsAnEventAndRedeliveryKeepsOneDocument() {
        String id = "consumer-" + run;
        ObjectNode event = TestEvents.synthetic("pingtan-syq-2023", id, "消费县", 2023, true, "warnings");
        send(id, event.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> count(id) == 1);
        send(id, event.toString());
        send(id, event.toString());
        String marker = "marker-" + run;
        send(marker, TestEvents.synthetic("pingtan-syq-2023", marker, "消费县", 2023, true, "warnings").toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> count(marker) == 1);
        assertEquals(1, count(id));
        var stored = repository.find(repository.alias(), id).orElseThrow().source();
        assertEquals("消费县", stored.get("county").asText());
        assertEquals(81, stored.get("cells").get("s3.new.total").asInt());
        assertEquals(1, stored.get("history").size());
    }

    @Test
    void preFormatReportWithNestedLegacyKeysIsIndexed() {
        String id = "legacy-" + run;
        ObjectNode event = TestEvents.synthetic("pingtan-syq-2012", id, "旧式县", 2012, false, "compliant");
        ObjectNode cells = (ObjectNode) event.get("report").get("cells");
        cells.put("legacy.suit.total", 1).put("legacy.suit.total.cumulative", 5);
        send(id, event.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> count(id) == 1);
        var stored = repository.find(repository.alias(), id).orElseThrow().source();
        assertEquals(5, stored.get("cells").get("legacy.suit.total.cumulative").asInt(), "a key may extend another key");
    }

    @Test
    void aLateOlderEventDoesNotOverwriteTheNewerOne() {
        String id = "ordering-" + run;
        ObjectNode newer = TestEvents.synthetic("pingtan-syq-2021", id, "顺序县", 2021, false, "compliant");
        ((ObjectNode) newer.get("report").get("source")).put("version", 5);
        ObjectNode older = newer.deepCopy();
        ((ObjectNode) older.get("report").get("source")).put("version", 4);
        older.put("status", "noncompliant").put("validatedAt", "2035-01-01T00:00:00Z");
        send(id, newer.toString());
        send(id, older.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var stored = repository.find(repository.alias(), id);
            return stored.isPresent() && stored.get().source().get("history").size() == 2;
        });
        var stored = repository.find(repository.alias(), id).orElseThrow().source();
        assertEquals("compliant", stored.get("status").asText());
        assertEquals(5, stored.get("source").get("version").asInt());
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithTheReason() {
        String key = "poison-" + run;
        ConsumerTask<String, String> dead = kafka.consume(String.class, String.class)
                .withOffsetReset(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST)
                .withGroupId("search-it-dlq-" + run)
                .fromTopics(dlqTopic);
        send(key, "{\"schemaVersion\":1,\"reportId\":\"" + key + "\",\"status\":\"ok\"}");
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(60)).until(
                () -> dead.getRecords().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null),
                r -> r != null);
        dead.stop();
        Header reason = record.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason);
        String text = new String(reason.value(), StandardCharsets.UTF_8);
        assertTrue(text.contains("report is missing"), text);
        assertEquals(0, count(key));

        String after = "after-poison-" + run;
        send(after, TestEvents.synthetic("pingtan-syq-2019", after, "消费县", 2019, false, "compliant").toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> count(after) == 1);
    }
}
