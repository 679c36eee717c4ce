package org.nianbao.parse.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Exports what an operator alerts on for this service's Kafka consumers, read from the broker every 15 s: the
 * committed lag of each consumer group per partition ({@code nianbao_consumer_lag}) and the messages held by each
 * dead-letter topic ({@code nianbao_dlq_messages}). It exists because the Kafka client's own lag metric counts from
 * the consumer's position, not from what was committed, and vanishes while the consumer is down, exactly when it is
 * needed. The channels are found in the configuration (every incoming smallrye-kafka channel), so the class is the
 * same in every service. Owned by parse-service; validate-service and search-service keep copies that differ only in
 * their package line (checked by a test there).
 */
@ApplicationScoped
public class KafkaBacklogMetrics {

    private static final Logger LOG = Logger.getLogger(KafkaBacklogMetrics.class);
    private static final String INCOMING = "mp.messaging.incoming.";
    private static final long REFRESH_SECONDS = 15;

    private final MeterRegistry registry;
    private final Config config;
    private final Map<List<String>, AtomicLong> gauges = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;
    private Admin admin;

    public KafkaBacklogMetrics(MeterRegistry registry, Config config) {
        this.registry = registry;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        List<Channel> channels = channels();
        String bootstrap = config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse(null);
        if (channels.isEmpty() || bootstrap == null) {
            return;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "nianbao-backlog-metrics");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin = Admin.create(props);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-backlog-metrics");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> refresh(channels), 5, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** Every incoming Kafka channel: its topic, consumer group and dead-letter topic (if any). */
    List<Channel> channels() {
        List<Channel> out = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(INCOMING) || !name.endsWith(".connector")) {
                continue;
            }
            String channel = name.substring(INCOMING.length(), name.length() - ".connector".length());
            if (!"smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(null))) {
                continue;
            }
            String prefix = INCOMING + channel + ".";
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            String group = config.getOptionalValue(prefix + "group.id", String.class).orElse(null);
            String dlq = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class).orElse(null);
            if (group != null) {
                out.add(new Channel(topic, group, dlq));
            }
        }
        return out;
    }

    private void refresh(List<Channel> channels) {
        try {
            for (Channel c : channels) {
                refreshLag(c);
                if (c.dlq() != null) {
                    refreshDlq(c.dlq());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("backlog metrics not refreshed (broker away?): %s", e.toString());
        }
    }

    private void refreshLag(Channel c) throws Exception {
        List<TopicPartition> partitions = partitions(c.topic());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(c.group())
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata done = committed.get(tp);
            long from = done != null ? done.offset() : starts.get(tp).offset();
            gauge("nianbao.consumer.lag", "group", c.group(), "topic", tp.topic(), "partition",
                    String.valueOf(tp.partition())).set(Math.max(0, ends.get(tp).offset() - from));
        }
    }

    private void refreshDlq(String topic) throws Exception {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
        long held = 0;
        for (TopicPartition tp : partitions) {
            held += ends.get(tp).offset() - starts.get(tp).offset();
        }
        gauge("nianbao.dlq.messages", "topic", topic).set(held);
    }

    private List<TopicPartition> partitions(String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        List<TopicPartition> out = new ArrayList<>();
        d.partitions().forEach(p -> out.add(new TopicPartition(topic, p.partition())));
        return out;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        return admin.listOffsets(request).all().get();
    }

    private AtomicLong gauge(String name, String... tags) {
        List<String> key = new ArrayList<>(List.of(tags));
        key.add(0, name);
        return gauges.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(tags).register(registry);
            return value;
        });
    }

    /** An incoming Kafka channel as configured. */
    record Channel(String topic, String group, String dlq) {
    }
}
