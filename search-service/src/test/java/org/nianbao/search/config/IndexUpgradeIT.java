package org.nianbao.search.config;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.RebuildService;

/**
 * After an upgrade that changed the mapping, the alias still points at the previous version's index: startup
 * notices it and rebuilds the current version by replay, then moves the alias (against the real Elasticsearch
 * and Kafka). The rebuild goes into the configured index under the cluster-wide migration lease.
 */
@QuarkusTest
class IndexUpgradeIT {

    @Inject
    ReportIndexRepository repository;
    @Inject
    IndexBootstrap bootstrap;
    @Inject
    RebuildService rebuild;

    @Test
    void anAliasOnAnOlderMappingVersionIsRebuiltIntoTheCurrentOne() {
        awaitNoRebuildRunning(); // this test's own startup may have found an older version already
        repository.ensureIndex();
        String old = "nianbao-reports-it-v1-" + UUID.randomUUID().toString().substring(0, 8);
        repository.createIndex(old, false);
        repository.swapAlias(old);
        assertFalse(repository.ensureIndex(), "an alias on " + old + " is an older version");

        bootstrap.onStart(null);

        await().atMost(Duration.ofSeconds(30)).until(() -> rebuild.status() != null
                && rebuild.status().target().equals("nianbao-reports-it-v2"));
        awaitNoRebuildRunning();
        assertEquals("done", rebuild.status().phase(), String.valueOf(rebuild.status()));
        List<String> targets = repository.aliasTargets();
        assertEquals(1, targets.size(), targets.toString());
        assertTrue(repository.isCurrentVersion(targets.get(0)), targets.toString());
        assertTrue(repository.ensureIndex(), "current after the rebuild");
    }

    private void awaitNoRebuildRunning() {
        await().atMost(Duration.ofSeconds(120)).until(() -> rebuild.status() == null
                || rebuild.status().finishedAt() != null);
    }
}
