package org.nianbao.validate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Business settings of validate-service (deadlines, webhooks, admin token, missing-report check) with defaults. */
@ConfigMapping(prefix = "nianbao")
public interface NianbaoConfig {

    Deadlines deadlines();

    Webhooks webhooks();

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

    MissingCheck missingCheck();

    /** Report deadlines as MM-dd of the year after the report year. */
    interface Deadlines {

        /** 县级以上人民政府部门 (条例 第四十九条). */
        @WithDefault("01-31")
        String department();

        /** 县级以上地方人民政府 (条例 第四十九条). */
        @WithDefault("03-31")
        String government();

        /** Every body, reports up to 2018 (2008 条例 第三十一条). */
        @WithDefault("03-31")
        String legacy();

        /** 乡镇/街道 in provinces without an override. */
        @WithDefault("03-31")
        String townshipDefault();

        /** Province → "township" / "street_office" → MM-dd, e.g. nianbao.deadlines.township.福建省.township=02-15. */
        Map<String, Map<String, String>> township();
    }

    /** Alert receivers for noncompliant and missing reports. */
    interface Webhooks {

        List<Endpoint> endpoints();

        /**
         * HMAC-SHA256 key for every endpoint that has no key of its own (env {@code NIANBAO_WEBHOOKS_SECRET}, from a
         * Secret). Alerts are never sent unsigned: startup fails when an endpoint has neither.
         */
        Optional<String> secret();

        /** Allow loopback/private/link-local targets (tests, in-cluster receivers); refused by default (SSRF). */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Attempts per alert before it is kept as failed (the default spans about two hours of outage). */
        @WithDefault("8")
        int maxAttempts();

        /** Delay before the second attempt; doubles per attempt, at most an hour. */
        @WithDefault("PT1M")
        Duration initialBackoff();

        /** How often the outbox is polled for due deliveries (read by the scheduler as ${...}). */
        @WithDefault("2s")
        String pollInterval();

        @WithDefault("PT10S")
        Duration timeout();
    }

    /** One webhook receiver. */
    interface Endpoint {

        String url();

        /** HMAC-SHA256 key of this endpoint alone; without it, {@code nianbao.webhooks.secret} signs. */
        Optional<String> secret();

        /** Events that trigger this endpoint: noncompliant, warnings, missing. */
        @WithDefault("noncompliant,missing")
        Set<String> events();

        /** When non-empty, only reports with a finding of one of these codes trigger. */
        Optional<Set<String>> codes();

        /** Payload shape: generic, dingtalk, wecom or feishu. */
        @WithDefault("generic")
        String format();
    }

    /** Protection of /api/admin/*. */
    interface Admin {

        /** Bearer token; when absent every admin request is refused (503). AdminTokenFilter reads it per request. */
        Optional<String> token();
    }

    /** The scheduled PUBLISH.MISSING check. */
    interface MissingCheck {

        /** Runs daily by default; a run before a deadline finds nothing for agencies not yet due. */
        @WithDefault("0 0 6 * * ?")
        String cron();
    }
}
