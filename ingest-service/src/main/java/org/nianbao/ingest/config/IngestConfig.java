package org.nianbao.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Business settings of ingest-service, kept in one typed place so defaults and their meaning are documented together. */
@ConfigMapping(prefix = "nianbao.ingest")
public interface IngestConfig {

    /** Largest original accepted, in bytes; larger uploads are refused with 413 and nothing is stored. */
    @WithDefault("52428800")
    long maxBytes();

    /** Public base URL under which other services fetch originals (claim check), e.g. http://ingest-service:8081. */
    Optional<String> publicUrl();

    /** How often versions whose report.fetched Kafka never acknowledged are sent again (read by the relay's schedule). */
    @WithDefault("30s")
    String relayEvery();

    Crawl crawl();

    /** How the crawler behaves towards government sites. */
    interface Crawl {
        @WithDefault("nianbao-crawler/0.1 (+https://nianbao.org/crawler; 政务公开年报检查)")
        String userAgent();

        /** Pause between two requests to the same host. */
        @WithDefault("PT2S")
        Duration delay();

        @WithDefault("200")
        int maxPages();

        @WithDefault("PT20S")
        Duration timeout();

        /** Words in a link text that mark a report or a report column. */
        @WithDefault("年报,年度报告")
        List<String> linkKeywords();

        /**
         * Hosts that may resolve to private or loopback addresses (tests, an intranet mirror). Empty in production:
         * an untrusted URL never reaches an internal address.
         */
        Optional<List<String>> allowPrivateHosts();

        /** How often known report URLs are fetched again to notice silent edits; "off" disables. */
        @WithDefault("24h")
        String recheckEvery();
    }
}
