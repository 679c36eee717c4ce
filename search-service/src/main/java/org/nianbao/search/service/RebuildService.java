package org.nianbao.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.mapping.InvalidEventException;
import org.nianbao.search.repository.ReportIndexRepository;

/**
 * Rebuilds the index after a mapping change without _reindex: creates the new index, replays report.validated from
 * the earliest offset into it (own consumer group), swaps the alias, then replays what arrived meanwhile — external
 * versions make the double writes harmless.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    /** Progress of the last rebuild. */
    public record Status(String target, String phase, long applied, long stale, long rejected, Instant startedAt,
                         Instant finishedAt, String error) {

        Status with(String newPhase) {
            return new Status(target, newPhase, applied, stale, rejected, startedAt, finishedAt, error);
        }
    }

    private final ReportIndexRepository repository;
    private final ProjectionService projection;
    private final String topic;
    private final String bootstrapServers;
    private final AtomicReference<Status> status = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "index-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildService(ReportIndexRepository repository, ProjectionService projection, SearchConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.repository = repository;
        this.projection = projection;
        this.topic = config.search().rebuildTopic();
        this.bootstrapServers = bootstrapServers;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild into {@code target}, which must not exist yet; returns immediately. */
    public synchronized Status start(String target) {
        if (repository.aliasTargets().contains(target) || repository.indexExists(target)) {
            throw new IllegalArgumentException("index " + target + " already exists");
        }
        return startOrResume(target);
    }

    /**
     * Starts a rebuild into {@code target}, or resumes one a dead replica left half done (the replay writes with
     * external versions, so replaying into a partly filled index again is harmless); returns immediately.
     */
    public synchronized Status startOrResume(String target) {
        Status current = status.get();
        if (current != null && current.finishedAt() == null) {
            throw new IllegalStateException("a rebuild into " + current.target() + " is running");
        }
        if (!target.matches("[a-z0-9][a-z0-9_.-]{0,200}")) {
            throw new IllegalArgumentException("invalid index name: " + target);
        }
        if (repository.aliasTargets().contains(target)) {
            throw new IllegalArgumentException("the alias already points at " + target);
        }
        Status started = new Status(target, "replaying", 0, 0, 0, Instant.now(), null, null);
        status.set(started);
        executor.submit(() -> run(target));
        return started;
    }

    /** Runs a rebuild in the calling thread (tests and the command line). */
    public Status runNow(String target) {
        status.set(new Status(target, "replaying", 0, 0, 0, Instant.now(), null, null));
        run(target);
        return status.get();
    }

    private void run(String target) {
        try {
            repository.createIndex(target, false);
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "search-service-rebuild-" + target);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                replayUntil(consumer, consumer.endOffsets(partitions), target);
                repository.refresh(target);
                status.updateAndGet(s -> s.with("swapping"));
                repository.swapAlias(target);
                status.updateAndGet(s -> s.with("catching-up"));
                replayUntil(consumer, consumer.endOffsets(partitions), target);
                consumer.commitSync();
            }
            status.updateAndGet(s -> new Status(s.target(), "done", s.applied(), s.stale(), s.rejected(), s.startedAt(),
                    Instant.now(), null));
            LOG.infof("rebuild into %s done: %s", target, status.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild into %s failed", target);
            status.updateAndGet(s -> new Status(s.target(), "failed", s.applied(), s.stale(), s.rejected(),
                    s.startedAt(), Instant.now(), String.valueOf(e.getMessage())));
        }
    }

    private void replayUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, String target) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                try {
                    ProjectionService.Outcome outcome = projection.apply(target, record.value());
                    status.updateAndGet(s -> new Status(s.target(), s.phase(),
                            s.applied() + (outcome == ProjectionService.Outcome.WRITTEN ? 1 : 0),
                            s.stale() + (outcome == ProjectionService.Outcome.STALE ? 1 : 0), s.rejected(),
                            s.startedAt(), null, null));
                } catch (InvalidEventException e) {
                    status.updateAndGet(s -> new Status(s.target(), s.phase(), s.applied(), s.stale(),
                            s.rejected() + 1, s.startedAt(), null, null));
                }
            }
        }
    }
}
