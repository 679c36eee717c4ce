package org.nianbao.parse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * Settings of parse-service: where originals are fetched from (claim check) and how hard to try, how many reports
 * are parsed at once, and the work and time one document may cost.
 */
@ConfigMapping(prefix = "nianbao.parse")
public interface ParseConfig {

    /**
     * Reports parsed at once (the report-parser worker pool and the records taken from Kafka at a time); the
     * default fits 2 cores. Read by {@code smallrye.messaging.worker.report-parser.max-concurrency}.
     */
    @WithDefault("2")
    int concurrency();

    /**
     * Largest original parsed, in bytes; a larger one goes to the dead-letter topic with the reason. Set through
     * {@code nianbao.max-original-bytes}, the one limit ingest-service also accepts originals by.
     */
    @WithDefault("52428800")
    long maxOriginalBytes();

    /** Share of the maximum heap that parses in progress may hold (see ParseAdmission). */
    @WithDefault("0.6")
    double heapShare();

    /** The work and time budget of one document. */
    Budget budget();

    /** See {@code org.nianbao.parse.parser.ParseBudget.Limits}: past these the parse goes on with what it read. */
    interface Budget {
        /** Work one row's digit-split search may spend before the row is left unsplit (PARSE.DIGITS_UNSPLIT). */
        @WithDefault("400000")
        long rowWork();

        /** Work any document may spend, plus {@link #documentWorkPerKb()} per KiB of input. */
        @WithDefault("20000000")
        long documentWork();

        @WithName("document-work-per-kb")
        @WithDefault("100000")
        long documentWorkPerKb();

        /** Time any document may take, plus {@link #timePerMb()} per MiB of input (PARSE.BUDGET_EXCEEDED past it). */
        @WithDefault("PT5S")
        Duration time();

        @WithName("time-per-mb")
        @WithDefault("PT1S")
        Duration timePerMb();

        /** PDF pages read at most. */
        @WithDefault("1000")
        int maxPages();
    }

    /** Base URL of ingest-service, which serves originals at /api/originals/{sha256}. */
    String ingestUrl();

    /** First pause between attempts to load an original; doubled after each failure up to {@link #fetchBackoffMax()}. */
    @WithDefault("PT0.5S")
    Duration fetchBackoff();

    /** Longest pause between attempts: ingest-service unavailable is retried until it answers, never dead-lettered. */
    @WithDefault("PT30S")
    Duration fetchBackoffMax();

    /** A record in hand this long without waiting for ingest-service means a hung parse: liveness goes DOWN. */
    @WithDefault("PT10M")
    Duration stuckAfter();

    @WithDefault("PT30S")
    Duration fetchTimeout();
}
