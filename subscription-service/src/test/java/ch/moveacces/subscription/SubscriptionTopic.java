package ch.moveacces.subscription;

import static org.awaitility.Awaitility.await;

import ch.moveacces.platform.events.Topics;
import ch.moveacces.testkit.TestEngines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What subscription-service published on {@code subscription.events.v1}, read from the broker. */
public final class SubscriptionTopic {

  private SubscriptionTopic() {}

  public record Received(String key, String payload, Map<String, String> headers) {}

  /** The record whose value names this event id, once the relay has published it. */
  public static Received awaitEvent(String eventId) {
    AtomicReference<Received> found = new AtomicReference<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !consumer.partitionsFor(Topics.SUBSCRIPTION).isEmpty());
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.SUBSCRIPTION).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (record.value().contains(eventId)) {
                    found.set(received(record));
                  }
                }
                return found.get() != null;
              });
    }
    return Optional.ofNullable(found.get()).orElseThrow();
  }

  private static Received received(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return new Received(record.key(), record.value(), headers);
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
