package org.nianbao.search.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.nianbao.search.IndexedFixtures;
import org.nianbao.search.TestEvents;
import org.nianbao.search.repository.ReportIndexRepository;

/** A rebuild replays the topic into a new index and moves the alias, without losing or duplicating reports. */
@QuarkusTest
class AdminRebuildIT {

    @Inject
    ElasticsearchClient es;
    @Inject
    ReportIndexRepository repository;
    @ConfigProperty(name = "mp.messaging.incoming.report-validated.topic")
    String topic;

    @Test
    void rebuildReplaysTheTopicIntoANewIndexBehindTheAlias() {
        repository.ensureIndex();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = List.of("rebuild-a-" + run, "rebuild-b-" + run);
        try (KafkaCompanion kafka = new KafkaCompanion(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))) {
            kafka.registerSerde(String.class, Serdes.String());
            for (String id : ids) {
                kafka.produce(String.class, String.class).fromRecords(new ProducerRecord<>(topic, id,
                        TestEvents.synthetic("pingtan-syq-2019", id, "重建县", 2019, false, "compliant").toString()))
                        .awaitCompletion(Duration.ofSeconds(30));
            }
            kafka.produce(String.class, String.class).fromRecords(new ProducerRecord<>(topic, "bad-" + run, "not json"))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            repository.refresh(repository.alias());
            return ids.stream().allMatch(id -> IndexedFixtures.count(es, repository.alias(), id) == 1);
        });
        String before = repository.aliasTargets().get(0);
        String target = "nianbao-reports-it-v2-" + run;

        given().post("/api/admin/index/rebuild?target=" + target).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer realm="));
        given().header("Authorization", "Bearer test-admin-token").post("/api/admin/index/rebuild?target=" + before)
                .then().statusCode(400);
        given().header("Authorization", "Bearer test-admin-token").post("/api/admin/index/rebuild?target=" + target)
                .then().statusCode(202).body("target", equalTo(target));
        JsonPath state = await().atMost(Duration.ofSeconds(120)).until(
                () -> given().header("Authorization", "Bearer test-admin-token").get("/api/admin/index").then()
                        .statusCode(200).extract().jsonPath(),
                s -> !"replaying".equals(s.getString("rebuild.phase")) && s.getString("rebuild.finishedAt") != null);
        assertEquals("done", state.getString("rebuild.phase"), state.prettify());
        assertEquals(List.of(target), state.getList("indices"));
        assertTrue(state.getLong("rebuild.applied") >= ids.size(), state.prettify());
        assertTrue(state.getLong("rebuild.rejected") >= 1, "the poison message is skipped, not fatal");
        repository.refresh(repository.alias());
        for (String id : ids) {
            assertEquals(1, IndexedFixtures.count(es, repository.alias(), id));
        }
        given().get("/api/reports/" + ids.get(0)).then().statusCode(200).body("county", equalTo("重建县"));
    }
}
