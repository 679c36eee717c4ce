package org.nianbao.validate.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * What a Kafka consumer of this service is doing right now: the records in hand since when, and whether one waits
 * for a dependency (a peer service, the database, Elasticsearch) to come back. It exists so readiness says DOWN while
 * the consumer cannot consume, and liveness says DOWN when a record has been in hand far longer than its work may
 * take (a hung thread), so the supervisor or Kubernetes restarts the service and the record is redelivered.
 * Owned by parse-service; validate-service and search-service keep copies that differ only in their package line
 * (checked by a test there).
 */
@ApplicationScoped
public class ConsumerProgress {

    private static final Logger LOG = Logger.getLogger(ConsumerProgress.class);

    private final LongSupplier clock;
    private final Map<Long, Long> inHandSince = new ConcurrentHashMap<>();
    private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();

    public ConsumerProgress() {
        this(System::nanoTime);
    }

    ConsumerProgress(LongSupplier clock) {
        this.clock = clock;
    }

    /** A record's processing starts on the calling thread. */
    public void started() {
        inHandSince.put(Thread.currentThread().threadId(), clock.getAsLong());
    }

    /** The calling thread's record is acknowledged or dead-lettered. */
    public void finished() {
        long thread = Thread.currentThread().threadId();
        inHandSince.remove(thread);
        waiting.remove(thread);
    }

    /** The calling thread waits for {@code dependency} to come back ({@code reason} = the last failure). */
    public void waitingFor(String dependency, String reason) {
        waiting.computeIfAbsent(Thread.currentThread().threadId(), t -> new Waiting(dependency, clock.getAsLong()))
                .reason = reason;
    }

    /** The calling thread's dependency answered again. */
    public void resumed() {
        waiting.remove(Thread.currentThread().threadId());
    }

    /** A dependency some record waits for, with the last failure and how long it has waited; null when none. */
    public String waitingSummary() {
        for (Waiting w : waiting.values()) {
            return w.dependency + " unavailable for " + Duration.ofNanos(clock.getAsLong() - w.since).toSeconds()
                    + " s: " + w.reason;
        }
        return null;
    }

    /** How long the longest record in hand that is not waiting for a dependency has been processed. */
    public Duration longestBusy() {
        long now = clock.getAsLong();
        long longest = 0;
        for (Map.Entry<Long, Long> e : inHandSince.entrySet()) {
            if (!waiting.containsKey(e.getKey())) {
                longest = Math.max(longest, now - e.getValue());
            }
        }
        return Duration.ofNanos(longest);
    }

    /** Readiness: DOWN while a record waits for a dependency, saying which and why. */
    public HealthCheckResponse readiness(String name) {
        String waitingFor = waitingSummary();
        return HealthCheckResponse.named(name).status(waitingFor == null).withData("inHand", inHand())
                .withData("waiting", waitingFor == null ? "no" : waitingFor).build();
    }

    /** Liveness: DOWN when a record not waiting for anything has been in hand longer than {@code stuckAfter}. */
    public HealthCheckResponse liveness(String name, Duration stuckAfter) {
        Duration busy = longestBusy();
        return HealthCheckResponse.named(name).status(busy.compareTo(stuckAfter) <= 0)
                .withData("longestBusySeconds", busy.toSeconds()).withData("stuckAfterSeconds", stuckAfter.toSeconds())
                .build();
    }

    /**
     * Exports the consumer's state for alerting: records in hand, the age of the oldest one (waiting or not) and
     * whether one waits for a dependency, tagged with the channel.
     */
    public void bindMetrics(MeterRegistry registry, String channel) {
        Gauge.builder("nianbao.consumer.in.hand", this, ConsumerProgress::inHand).tag("channel", channel)
                .register(registry);
        Gauge.builder("nianbao.consumer.oldest.in.hand.seconds", this, p -> p.oldestInHand().toMillis() / 1000.0)
                .tag("channel", channel).register(registry);
        Gauge.builder("nianbao.consumer.waiting", this, p -> p.waiting.isEmpty() ? 0 : 1).tag("channel", channel)
                .register(registry);
    }

    /** How long the oldest record in hand has been, waiting or not. */
    public Duration oldestInHand() {
        long now = clock.getAsLong();
        long oldest = 0;
        for (long since : inHandSince.values()) {
            oldest = Math.max(oldest, now - since);
        }
        return Duration.ofNanos(oldest);
    }

    /**
     * Runs {@code work} on the calling thread's record until it succeeds. A failure {@code dependencyOf} names a
     * dependency for is transient: waited out with doubling backoff from {@code first} up to {@code max}, for as
     * long as it lasts, readiness saying so meanwhile. Any other failure is retried until {@code otherAttempts}
     * failures, then thrown (the record goes to its dead-letter topic); {@code dependencyOf} may rethrow a failure
     * to end at once (bad input).
     */
    public void untilDone(Runnable work, Function<RuntimeException, String> dependencyOf, int otherAttempts,
                          Duration first, Duration max) {
        Duration pause = first;
        int others = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                resumed();
                return;
            } catch (RuntimeException e) {
                String dependency = dependencyOf.apply(e);
                if (dependency == null && ++others >= otherAttempts) {
                    throw e;
                }
                if (dependency != null) {
                    waitingFor(dependency, e.toString());
                }
                LOG.warnf("attempt %d failed (%s), next in %d ms: %s", attempt,
                        dependency == null ? "unexpected" : dependency + " unavailable", pause.toMillis(), e);
                sleepThroughInterrupts(pause);
                pause = pause.multipliedBy(2).compareTo(max) > 0 ? max : pause.multipliedBy(2);
            }
        }
    }

    /**
     * Sleeps the whole pause even when interrupted (the flag is kept): an interrupt at shutdown must not turn into
     * an exception, which would dead-letter a valid record instead of leaving it to be redelivered after the restart.
     */
    public static void sleepThroughInterrupts(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        boolean interrupted = false;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records in hand now. */
    public int inHand() {
        return inHandSince.size();
    }

    private static final class Waiting {
        final String dependency;
        final long since;
        volatile String reason;

        Waiting(String dependency, long since) {
            this.dependency = dependency;
            this.since = since;
        }
    }
}
