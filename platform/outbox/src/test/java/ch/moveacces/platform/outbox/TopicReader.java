package ch.moveacces.platform.outbox;

import static org.awaitility.Awaitility.await;

import ch.moveacces.testkit.TestEngines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A fresh topic with several partitions, and everything that was published to it. */
final class TopicReader {

  static final int PARTITIONS = 3;

  private TopicReader() {}

  static String newTopic() throws Exception {
    String topic = "outbox-it-" + UUID.randomUUID();
    try (Admin admin = admin()) {
      admin
          .createTopics(Set.of(new NewTopic(topic, PARTITIONS, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    return topic;
  }

  /** How many records the topic holds, duplicates included. */
  static long recordCount(String topic) throws Exception {
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(topic);
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Every record of the topic, in partition order, once at least {@code expected} are there. */
  static List<Received> readAll(String topic, int expected) {
    List<Received> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.assign(partitions(topic));
      consumer.seekToBeginning(consumer.assignment());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  received.add(Received.of(record));
                }
                return received.size() >= expected;
              });
    }
    return received;
  }

  private static List<TopicPartition> partitions(String topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition(topic, p));
    }
    return partitions;
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafka().bootstrapServers()));
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestEngines.kafka().bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }

  record Received(String key, String payload, Map<String, String> headers) {

    static Received of(ConsumerRecord<String, String> record) {
      Map<String, String> headers = new HashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
      return new Received(record.key(), record.value(), headers);
    }
  }
}
