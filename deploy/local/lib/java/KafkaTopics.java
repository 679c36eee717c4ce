import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Waits until the local broker answers a metadata call, then creates the project's missing topics,
 * in one JVM rather than one console-tool JVM per topic (run by deploy/local/lib/kafka.sh in source-file mode).
 *
 * <p>Usage: {@code java -cp 'kafka-jars/*' KafkaTopics.java BOOTSTRAP TIMEOUT_SECONDS PARTITIONS TOPIC...}
 */
public class KafkaTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: KafkaTopics BOOTSTRAP TIMEOUT_SECONDS PARTITIONS TOPIC...");
            System.exit(2);
        }
        String bootstrap = args[0];
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[1]));
        int partitions = Integer.parseInt(args[2]);
        List<String> topics = List.of(args).subList(3, args.length);

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "nianbao-stack");
        try (Admin admin = Admin.create(props)) {
            awaitMetadata(admin, bootstrap, deadline);
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            createAll(admin, missing);
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            for (String topic : topics) {
                int actual = described.get(topic).partitions().size();
                if (actual != partitions) {
                    System.err.printf("topic %s has %d partitions, expected %d (reset kafka to recreate it)%n",
                            topic, actual, partitions);
                }
            }
            System.out.printf("stack: kafka: %d topics ready (created %d): %s%n", topics.size(), missing.size(),
                    String.join(", ", topics));
        }
    }

    private static void awaitMetadata(Admin admin, String bootstrap, Instant deadline) throws InterruptedException {
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
            }
            Thread.sleep(Duration.ofMillis(500));
        }
        System.err.println("Kafka at " + bootstrap + " did not answer a metadata request in time"
                + (last == null ? "" : ": " + last));
        System.exit(1);
    }

    private static void createAll(Admin admin, List<NewTopic> missing) throws Exception {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
