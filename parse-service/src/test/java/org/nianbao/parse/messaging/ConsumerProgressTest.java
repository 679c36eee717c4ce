package org.nianbao.parse.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What readiness and liveness read: waiting for a dependency is not being busy, and both end with the record. */
class ConsumerProgressTest {

    private long now;
    private final ConsumerProgress progress = new ConsumerProgress(() -> now);

    @Test
    void aRecordInHandCountsAsBusyUntilFinished() {
        progress.started();
        now += Duration.ofMinutes(11).toNanos();
        assertEquals(Duration.ofMinutes(11), progress.longestBusy());
        assertEquals(1, progress.inHand());
        progress.finished();
        assertEquals(Duration.ZERO, progress.longestBusy());
        assertEquals(0, progress.inHand());
    }

    @Test
    void waitingForADependencyIsReportedAndIsNotBusy() {
        progress.started();
        progress.waitingFor("ingest-service", "HTTP 503");
        now += Duration.ofSeconds(42).toNanos();
        progress.waitingFor("ingest-service", "java.net.ConnectException");
        assertEquals(Duration.ZERO, progress.longestBusy(), "a wait is no hang");
        String summary = progress.waitingSummary();
        assertTrue(summary.contains("ingest-service unavailable for 42 s: java.net.ConnectException"), summary);
        progress.resumed();
        assertNull(progress.waitingSummary());
        assertEquals(Duration.ofSeconds(42), progress.longestBusy());
        progress.finished();
        assertNull(progress.waitingSummary());
    }

    @Test
    void aDependencyAwayIsWaitedOutHoweverLongAndOtherFailuresEndAfterTheirAttempts() {
        int[] calls = {0};
        progress.started();
        progress.untilDone(() -> {
            if (++calls[0] < 6) {
                throw new IllegalStateException("down");
            }
        }, e -> "PostgreSQL", 2, Duration.ofMillis(1), Duration.ofMillis(2));
        assertEquals(6, calls[0], "five transient failures waited out, never given up");
        assertNull(progress.waitingSummary(), "ready again once it passed");

        calls[0] = 0;
        IllegalStateException bug = new IllegalStateException("bug");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> progress.untilDone(() -> {
                    calls[0]++;
                    throw bug;
                }, e -> null, 3, Duration.ofMillis(1), Duration.ofMillis(1)));
        assertEquals(bug, thrown);
        assertEquals(3, calls[0], "an unexpected failure is tried 3 times, then dead-lettered");
        progress.finished();
    }
}
