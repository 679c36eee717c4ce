package org.nianbao.validate.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.validate.repository.WebhookDeliveryEntity;
import org.nianbao.validate.repository.WebhookDeliveryRepository;

/** Lets administrators see queued, delivered and failed webhook alerts and requeue a failed one. */
@Path("/api/admin/webhooks")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class WebhookAdminResource {

    private static final Set<String> STATUSES = Set.of(WebhookDeliveryEntity.PENDING, WebhookDeliveryEntity.DELIVERED,
            WebhookDeliveryEntity.FAILED);

    private final WebhookDeliveryRepository outbox;

    public WebhookAdminResource(WebhookDeliveryRepository outbox) {
        this.outbox = outbox;
    }

    /** Counts per status and the newest deliveries (optionally of one status), without bodies. */
    @GET
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of " + STATUSES);
        }
        int size = Math.max(1, Math.min(500, limit));
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            STATUSES.stream().sorted().forEach(s -> counts.put(s, outbox.countByStatus(s)));
            List<Map<String, Object>> rows = outbox.recent(status, size).stream().map(WebhookAdminResource::view)
                    .toList();
            return Map.of("counts", counts, "deliveries", rows);
        });
    }

    /** Puts a failed (or pending) delivery back in the queue for an immediate attempt with a fresh attempt budget. */
    @POST
    @Path("/{id}/retry")
    public Map<String, Object> retry(@PathParam("id") long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDeliveryEntity d = outbox.findById(id);
            if (d == null) {
                throw new NotFoundException("no webhook delivery " + id);
            }
            if (WebhookDeliveryEntity.DELIVERED.equals(d.getStatus())) {
                throw new BadRequestException("delivery " + id + " was already delivered");
            }
            d.setStatus(WebhookDeliveryEntity.PENDING);
            d.setAttempts(0);
            d.setNextAttemptAt(OffsetDateTime.now(ZoneOffset.UTC));
            return view(d);
        });
    }

    private static Map<String, Object> view(WebhookDeliveryEntity d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.getId());
        m.put("endpoint", d.getEndpointLabel());
        m.put("event", d.getEvent());
        m.put("reportId", d.getReportId());
        m.put("agencyKey", d.getAgencyKey());
        m.put("year", d.getYear());
        m.put("status", d.getStatus());
        m.put("attempts", d.getAttempts());
        m.put("nextAttemptAt", String.valueOf(d.getNextAttemptAt()));
        m.put("lastError", d.getLastError());
        m.put("createdAt", String.valueOf(d.getCreatedAt()));
        m.put("deliveredAt", d.getDeliveredAt() == null ? null : d.getDeliveredAt().toString());
        return m;
    }
}
