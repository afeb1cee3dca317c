package ch.moveacces.audit.recording;

import static org.awaitility.Awaitility.await;

import ch.moveacces.testkit.TestEngines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code audit-service.dlt} from its beginning, as an operator replaying it would. */
final class DeadLetters {

  private DeadLetters() {}

  /** The dead letter whose value is this one, once it is there. */
  static DeadLetter awaitValue(String value) {
    AtomicReference<DeadLetter> found = new AtomicReference<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                if (consumer.assignment().isEmpty()) {
                  var partitions =
                      consumer.partitionsFor(RecordingFailures.DEAD_LETTER_TOPIC).stream()
                          .map(info -> new TopicPartition(info.topic(), info.partition()))
                          .toList();
                  consumer.assign(partitions);
                  consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (Objects.equals(record.value(), value)) {
                    found.set(DeadLetter.of(record));
                  }
                }
                return found.get() != null;
              });
    }
    return found.get();
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

  record DeadLetter(String key, Map<String, String> headers) {

    static DeadLetter of(ConsumerRecord<String, String> record) {
      Map<String, String> headers = new HashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
      return new DeadLetter(record.key(), headers);
    }
  }
}
