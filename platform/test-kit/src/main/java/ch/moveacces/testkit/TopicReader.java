package ch.moveacces.testkit;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What was published on a topic of the test broker, read from its beginning by a consumer of no
 * group (so that reading commits nothing and disturbs no application's consumer), and fresh topics
 * for tests that publish themselves.
 */
public final class TopicReader {

  /** How long a record may take to arrive: the outbox relay polls, a busy machine is slow. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private TopicReader() {}

  /** A record as read: key, value and headers as UTF-8 text. */
  public record Received(String key, String payload, Map<String, String> headers) {

    static Received of(ConsumerRecord<String, String> record) {
      Map<String, String> headers = new HashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
      return new Received(record.key(), record.value(), headers);
    }
  }

  /** A new topic of this many partitions, named {@code prefix} and a random suffix. */
  public static String newTopic(String prefix, int partitions) {
    String topic = prefix + "-" + UUID.randomUUID();
    try (Admin admin = admin()) {
      admin
          .createTopics(Set.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException failure) {
      throw new IllegalStateException("could not create topic " + topic, failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
    return topic;
  }

  /** How many records the topic holds, duplicates included. */
  public static long recordCount(String topic) {
    try (KafkaConsumer<String, String> consumer = consumer()) {
      return consumer.endOffsets(partitions(consumer, topic)).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  /** Every record of the topic, in partition order, once at least {@code expected} are there. */
  public static List<Received> readAll(String topic, int expected) {
    List<Received> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
      await()
          .atMost(PATIENCE)
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

  /** The first record of the topic that is {@code wanted}, once it has been published. */
  public static Received awaitRecord(String topic, Predicate<Received> wanted) {
    AtomicReference<Received> found = new AtomicReference<>();
    try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  Received candidate = Received.of(record);
                  if (found.get() == null && wanted.test(candidate)) {
                    found.set(candidate);
                  }
                }
                return found.get() != null;
              });
    }
    return found.get();
  }

  /** The first record whose value names this event id (a CloudEvents {@code id}). */
  public static Received awaitEvent(String topic, String eventId) {
    return awaitRecord(topic, record -> record.payload().contains(eventId));
  }

  private static KafkaConsumer<String, String> fromTheBeginning(String topic) {
    KafkaConsumer<String, String> consumer = consumer();
    try {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return consumer;
    } catch (RuntimeException failure) {
      consumer.close();
      throw failure;
    }
  }

  /** The topic's partitions, once the broker knows the topic (a producer may still create it). */
  private static List<TopicPartition> partitions(
      KafkaConsumer<String, String> consumer, String topic) {
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> !consumer.partitionsFor(topic).isEmpty());
    return consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
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
}
