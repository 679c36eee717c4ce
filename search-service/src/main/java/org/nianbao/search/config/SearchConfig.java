package org.nianbao.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Business settings of search-service: where documents live, page sizes, and where originals are served. */
@ConfigMapping(prefix = "nianbao")
public interface SearchConfig {

    Search search();

    Admin admin();

    /** How the Kafka consumer waits out transient faults. */
    Consumer consumer();

    /**
     * A transient fault (dependency away) is retried with doubling backoff until it passes, never dead-lettered;
     * meanwhile readiness is DOWN. A record in hand longer than {@link #stuckAfter()} without waiting for anything
     * means a hung thread: liveness goes DOWN and a restart redelivers it.
     */
    interface Consumer {
        @WithDefault("PT1S")
        Duration retryBackoff();

        @WithDefault("PT30S")
        Duration retryBackoffMax();

        @WithDefault("PT10M")
        Duration stuckAfter();
    }

    /** Access to the admin endpoints. */
    interface Admin {

        /** Bearer token for /api/admin/** (from a Secret); absent = admin endpoints disabled. */
        Optional<String> token();
    }

    /** Index, alias and paging settings. */
    interface Search {

        /** The alias every read and write goes through. */
        @WithDefault("nianbao-reports")
        String alias();

        /** The concrete, versioned index created behind the alias when the alias does not exist yet. */
        @WithDefault("nianbao-reports-v2")
        String index();

        /** Classpath resource with settings + mappings. */
        @WithDefault("elasticsearch/reports-v2.json")
        String mappingResource();

        /**
         * Replica count as Elasticsearch's {@code index.auto_expand_replicas} range: "0-2" keeps one copy on a single
         * node and a copy on each of three nodes, so the index follows the cluster's size without a restart.
         */
        @WithDefault("0-2")
        String autoExpandReplicas();

        @WithDefault("1")
        int shards();

        /** Largest page of the search API. */
        @WithDefault("100")
        int maxPageSize();

        /** Values returned per facet. */
        @WithDefault("50")
        int facetSize();

        /** Page size of the search_after loop behind exports and rebuilds. */
        @WithDefault("1000")
        int exportPageSize();

        /** Topic replayed by an index rebuild (the same one the consumer reads). */
        @WithDefault("report.validated")
        String rebuildTopic();

        /** Index holding the lease that lets one search-service replica of the cluster run the index migration. */
        @WithDefault("nianbao-locks")
        String lockIndex();

        /** How long a migration lease lasts without renewal (the holder renews it at a third of this). */
        @WithDefault("PT2M")
        Duration migrationLease();

        /** How often a replica that does not hold the lease looks whether the migration still needs doing. */
        @WithDefault("PT30S")
        Duration migrationRecheck();

        /** Browser-facing base URL under which ingest-service serves {@code /api/originals/{sha256}}. */
        @WithDefault("http://127.0.0.1:8081")
        String ingestPublicUrl();
    }
}
