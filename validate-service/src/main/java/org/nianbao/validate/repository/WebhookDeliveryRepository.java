package org.nianbao.validate.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The webhook outbox: enqueue once per alert, claim due deliveries without two pollers taking the same one. */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDeliveryEntity, Long> {

    /** Inserts unless the same alert for the same endpoint is already queued or sent; true when inserted. */
    public boolean enqueue(WebhookDeliveryEntity d) {
        int inserted = getEntityManager().createNativeQuery("""
                insert into webhook_delivery (endpoint_key, endpoint_label, event, report_id, agency_key, year, body,
                    dedupe_key, status, attempts, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', 0, now(), now())
                on conflict (dedupe_key) do nothing""")
                .setParameter(1, d.getEndpointKey()).setParameter(2, d.getEndpointLabel())
                .setParameter(3, d.getEvent()).setParameter(4, d.getReportId()).setParameter(5, d.getAgencyKey())
                .setParameter(6, d.getYear()).setParameter(7, d.getBody()).setParameter(8, d.getDedupeKey())
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Takes up to {@code limit} due pending deliveries and pushes their next attempt {@code lease} into the future,
     * so a crash mid-send retries them later and a second replica skips them (SKIP LOCKED). Returns their ids.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(int limit, Duration lease) {
        List<Number> ids = getEntityManager().createNativeQuery("""
                select id from webhook_delivery
                where status = 'pending' and next_attempt_at <= now()
                order by id limit ?1 for update skip locked""")
                .setParameter(1, limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        getEntityManager().createNativeQuery("""
                update webhook_delivery set next_attempt_at = now() + make_interval(secs => ?1)
                where id = any(?2)""")
                .setParameter(1, (double) lease.toSeconds()).setParameter(2, claimed.toArray(Long[]::new))
                .executeUpdate();
        return claimed;
    }

    /** Newest first, optionally of one status. */
    public List<WebhookDeliveryEntity> recent(String status, int limit) {
        Sort newest = Sort.descending("id");
        return (status == null ? findAll(newest) : find("status", newest, status))
                .page(Page.ofSize(limit)).list();
    }

    public long countByStatus(String status) {
        return count("status", status);
    }

    /** When the oldest delivery still pending was queued; empty when none is pending. */
    public Optional<OffsetDateTime> oldestPending() {
        return Optional.ofNullable(getEntityManager().createQuery(
                "select min(d.createdAt) from WebhookDeliveryEntity d where d.status = :status",
                OffsetDateTime.class).setParameter("status", WebhookDeliveryEntity.PENDING).getSingleResult());
    }
}
