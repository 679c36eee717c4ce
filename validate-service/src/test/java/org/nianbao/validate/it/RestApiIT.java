package org.nianbao.validate.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.validate.repository.MissingReportEntity;
import org.nianbao.validate.repository.MissingReportRepository;
import org.nianbao.validate.rules.AgencyKeys;
import org.nianbao.validate.service.ValidationService;
import org.nianbao.validate.service.WebhookSigner;

/** REST API, admin protection, register import and the missing-report check against the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(WebhookReceiver.class)
class RestApiIT {

    private static final String TOKEN = "Bearer test-admin-token";

    @Inject
    MissingReportRepository missing;

    @Inject
    ValidationService validation;

    @Test
    void catalogueIsServedAsData() {
        given().get("/api/rules").then().statusCode(200)
                .body("$", hasSize(21))
                .body("code", hasItems("S3.BALANCE", "PUBLISH.MISSING", "PRIVACY.PERSONAL_DATA"))
                .body("find { it.code == 'S3.OUTCOME_TOTAL' }.severity", is("error"))
                .body("find { it.code == 'TEXT.FEE_UNREPORTED' }.formats", is(java.util.List.of("2021")));
    }

    @Test
    void draftIsValidatedWithoutStoringIt() {
        String id = ItData.id("it-draft");
        String body = ItData.report("pingtan-syq-2020-outcome-off", id, ItData.agency()).toString();
        given().contentType("application/json").body(body).post("/api/validate").then().statusCode(200)
                .body("status", is("noncompliant"))
                .body("findings.code", hasItem("S3.OUTCOME_TOTAL"));
        given().get("/api/reports/" + id + "/findings").then().statusCode(404);
        given().contentType("application/json").body("{\"schemaVersion\":1}").post("/api/validate").then()
                .statusCode(400);
    }

    @Test
    void adminEndpointsNeedTheBearerToken() {
        given().contentType("text/csv").body("name\n").post("/api/admin/register").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").post("/api/admin/missing-check").then().statusCode(401);
    }

    @Test
    void registeredAgencyWithoutReportIsRecordedMissingOnceAndAlerted() throws Exception {
        String name = ItData.agency() + "局";
        String csv = "name,division_code,level,kind,province\n" + name + ",350128,city,department,福建省\n"
                + "坏行,12,city,department,福建省\n";
        given().header("Authorization", TOKEN).contentType("text/csv; charset=UTF-8").body(csv).post("/api/admin/register")
                .then().statusCode(200).body("created", is(1)).body("rejected", hasSize(1));

        given().header("Authorization", TOKEN).queryParam("today", "2026-02-15").post("/api/admin/missing-check")
                .then().statusCode(200).body("agency", hasItem(name));
        given().header("Authorization", TOKEN).queryParam("today", "2026-02-15").post("/api/admin/missing-check")
                .then().statusCode(200).body("agency", org.hamcrest.Matchers.not(hasItem(name)));

        String key = AgencyKeys.of(name, "350128");
        MissingReportEntity row = QuarkusTransaction.requiringNew()
                .call(() -> missing.findById(new MissingReportEntity.Key(key, 2025)));
        assertEquals(java.time.LocalDate.of(2026, 1, 31), row.getDeadline());

        WebhookReceiver.Delivery hook = KafkaPipelineIT.delivery(name);
        JsonNode body = new ObjectMapper().readTree(hook.body());
        assertEquals("report.missing", body.get("event").asText());
        assertEquals(WebhookSigner.sign(WebhookReceiver.SECRET, Long.parseLong(hook.timestamp()), hook.body()),
                hook.signature());

        var late = ItData.report("pingtan-syq-2023", ItData.id("it-late"), name);
        late.put("year", 2025).put("publishedAt", "2026-03-01");
        validation.process(late.toString());
        assertEquals(null, QuarkusTransaction.requiringNew()
                .call(() -> missing.findById(new MissingReportEntity.Key(key, 2025))), "no longer missing");
    }

    @Test
    void readinessReportsDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }
}
