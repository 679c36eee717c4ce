package org.nianbao.search.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The migration lease against the real Elasticsearch: one holder at a time even when replicas race for it, renewal
 * by the holder, takeover after expiry, and release.
 */
@QuarkusTest
class MigrationLeaseIT {

    @Inject
    ElasticsearchClient client;
    @Inject
    ObjectMapper json;

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-12-08T00:00:00Z").toEpochMilli());

    /** A clock the test moves by hand. */
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    private static String freshIndex() {
        return "nianbao-locks-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void oneHolderAtATimeWithRenewalTakeoverAndRelease() {
        MigrationLease lease = new MigrationLease(client, json, freshIndex(), clock);
        Duration ttl = Duration.ofMinutes(2);

        assertTrue(lease.tryAcquire("job", "pod-a", ttl), "a free lease");
        assertFalse(lease.tryAcquire("job", "pod-b", ttl), "held by pod-a");
        now.addAndGet(Duration.ofMinutes(1).toMillis());
        assertTrue(lease.tryAcquire("job", "pod-a", ttl), "the holder renews");
        now.addAndGet(Duration.ofSeconds(90).toMillis());
        assertFalse(lease.tryAcquire("job", "pod-b", ttl), "renewed 90 s ago: still pod-a's");
        now.addAndGet(Duration.ofMinutes(1).toMillis());
        assertTrue(lease.tryAcquire("job", "pod-b", ttl), "expired: pod-b takes over");
        assertFalse(lease.tryAcquire("job", "pod-a", ttl), "pod-a has lost it");
        lease.release("job", "pod-a");
        assertFalse(lease.tryAcquire("job", "pod-c", ttl), "a non-holder's release changes nothing");
        lease.release("job", "pod-b");
        assertTrue(lease.tryAcquire("job", "pod-c", ttl), "released: free at once");
    }

    @Test
    void racingReplicasGetExactlyOneLease() throws Exception {
        String index = freshIndex();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String holder = "pod-" + i;
                attempts.add(pool.submit(() -> new MigrationLease(client, json, index, clock)
                        .tryAcquire("job", holder, Duration.ofMinutes(2))));
            }
            int won = 0;
            for (Future<Boolean> attempt : attempts) {
                won += attempt.get() ? 1 : 0;
            }
            assertEquals(1, won, "exactly one of 8 racing replicas holds the lease");
        } finally {
            pool.shutdownNow();
        }
    }
}
