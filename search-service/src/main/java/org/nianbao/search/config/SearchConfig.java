package org.nianbao.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Business settings of search-service: where documents live, page sizes, and where originals are served. */
@ConfigMapping(prefix = "nianbao")
public interface SearchConfig {

    Search search();

    Ingest ingest();

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

        @WithDefault("0")
        int replicas();

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
    }

    /** Links to ingest-service. */
    interface Ingest {

        /** Base URL under which ingest-service serves {@code /api/originals/{sha256}} to browsers. */
        @WithDefault("http://127.0.0.1:8081")
        String publicUrl();
    }
}
