import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Proves the local broker really carries messages (stack.sh check): produces one uniquely keyed JSON
 * message to a scratch topic, never to a project topic, and fails unless it reads the same key and value back.
 *
 * <p>Usage: {@code java -cp 'kafka-jars/*' KafkaRoundTrip BOOTSTRAP TOPIC TIMEOUT_SECONDS}
 */
public class KafkaRoundTrip {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[2]));
        String key = "stack-check-" + UUID.randomUUID();
        String value = "{\"check\":\"" + key + "\",\"text\":\"政府信息公开工作年度报告\"}";

        ensureTopic(bootstrap, topic);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap));
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            consumer.assign(List.of(partition));
            // Resolve the end offset before producing, so only the new message can match.
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition, timeout);
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(timeout.toSeconds(), TimeUnit.SECONDS);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        if (!value.equals(r.value())) {
                            fail("read back key " + key + " with a different value: " + r.value());
                        }
                        System.out.printf("stack: kafka: round trip ok on %s (offset %d)%n", topic, r.offset());
                        return;
                    }
                }
            }
            fail("message " + key + " was produced to " + topic + " but not consumed within " + timeout);
        }
    }

    private static void ensureTopic(String bootstrap, String topic) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
