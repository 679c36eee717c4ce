package org.nianbao.parse.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
}
