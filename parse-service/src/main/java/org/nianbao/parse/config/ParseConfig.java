package org.nianbao.parse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of parse-service: where originals are fetched from (claim check) and how hard to try. */
@ConfigMapping(prefix = "nianbao.parse")
public interface ParseConfig {

    /** Base URL of ingest-service, which serves originals at /api/originals/{sha256}. */
    String ingestUrl();

    @WithDefault("4")
    int fetchAttempts();

    /** First pause between attempts; doubled after each failure. */
    @WithDefault("PT0.5S")
    Duration fetchBackoff();

    @WithDefault("PT30S")
    Duration fetchTimeout();
}
