package org.nianbao.validate.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.validate.repository.WebhookDeliveryEntity;
import org.nianbao.validate.repository.WebhookDeliveryRepository;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Severity;
import org.nianbao.validate.service.WebhookService;

/**
 * The webhook outbox against the real PostgreSQL and a loopback receiver: retried until delivered, given up and
 * listed for administrators, requeued by an administrator, and queued once per alert.
 */
@QuarkusTest
@QuarkusTestResource(WebhookReceiver.class)
class WebhookOutboxIT {

    private static final String TOKEN = "Bearer test-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    WebhookService webhooks;

    @Inject
    WebhookDeliveryRepository outbox;

    @Test
    void aReceiverThatIsDownIsRetriedUntilItTakesTheAlert() throws Exception {
        String agencyKey = ItData.id("it-hook-retry");
        WebhookReceiver.FAILURES.put(agencyKey, WebhookReceiver.Failure.of(503, 2));
        webhooks.reportMissing("测试县人民政府", agencyKey, 2024, missing());

        WebhookReceiver.Delivery hook = KafkaPipelineIT.delivery(agencyKey);
        assertTrue(hook.body().contains("report.missing"), hook.body());
        WebhookDeliveryEntity row = awaitStatus(agencyKey, WebhookDeliveryEntity.DELIVERED);
        assertEquals(3, row.getAttempts(), "two 503 answers, then delivered");
        assertNotNull(row.getDeliveredAt());
    }

    @Test
    void aRefusedAlertIsKeptAsFailedAndAnAdministratorCanRequeueIt() throws Exception {
        String agencyKey = ItData.id("it-hook-failed");
        WebhookReceiver.FAILURES.put(agencyKey, WebhookReceiver.Failure.of(400, 1));
        webhooks.reportMissing("测试镇人民政府", agencyKey, 2024, missing());

        WebhookDeliveryEntity failed = awaitStatus(agencyKey, WebhookDeliveryEntity.FAILED);
        assertEquals(1, failed.getAttempts(), "a 400 is not retried");
        assertEquals("HTTP 400 (not retried)", failed.getLastError());
        given().get("/api/admin/webhooks").then().statusCode(401);
        given().header("Authorization", TOKEN).queryParam("status", "failed").get("/api/admin/webhooks").then()
                .statusCode(200).body("deliveries.agencyKey", hasItem(agencyKey));

        given().header("Authorization", TOKEN).post("/api/admin/webhooks/" + failed.getId() + "/retry").then()
                .statusCode(200).body("status", is("pending"));
        KafkaPipelineIT.delivery(agencyKey);
        assertEquals(1, awaitStatus(agencyKey, WebhookDeliveryEntity.DELIVERED).getAttempts());
        given().header("Authorization", TOKEN).post("/api/admin/webhooks/" + failed.getId() + "/retry").then()
                .statusCode(400);
    }

    @Test
    void theSameAlertIsQueuedOnce() throws Exception {
        String agencyKey = ItData.id("it-hook-once");
        webhooks.reportMissing("测试区人民政府", agencyKey, 2024, missing());
        webhooks.reportMissing("测试区人民政府", agencyKey, 2024, missing());
        awaitStatus(agencyKey, WebhookDeliveryEntity.DELIVERED);
        assertEquals(1, rows(agencyKey).size());
        webhooks.reportMissing("测试区人民政府", agencyKey, 2025, missing());
        assertEquals(2, rows(agencyKey).size(), "another year is another alert");
    }

    private static Finding missing() {
        return new Finding("PUBLISH.MISSING", Severity.ERROR, "未按期发布年度报告", List.of(), null, null, null);
    }

    private List<WebhookDeliveryEntity> rows(String agencyKey) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.list("agencyKey", agencyKey));
    }

    private WebhookDeliveryEntity awaitStatus(String agencyKey, String status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<WebhookDeliveryEntity> found = rows(agencyKey);
            if (!found.isEmpty() && found.get(0).getStatus().equals(status)) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + status + " webhook delivery for " + agencyKey + ": " + rows(agencyKey).stream()
                .map(d -> d.getStatus() + "/" + d.getAttempts() + "/" + d.getLastError()).toList());
    }
}
