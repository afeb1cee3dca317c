package ch.moveacces.auth.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.AuthServiceTest;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.testkit.TestEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The relay publishes what auth-service appends: a login reaches identity.events.v1.
 *
 * <p>The relayed login is read back from the topic, keyed by the user id and carrying its {@code
 * traceparent} header.
 */
@AuthServiceTest
class IdentityTopicIT {

  private static final Duration PUBLISHED = Duration.ofSeconds(60);

  @Autowired WebTestClient client;

  @Test
  void aLoginIsPublishedOnTheIdentityTopicKeyedByTheUser() {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    long userId = auth.register(email);
    Tokens tokens = auth.login(email, AuthClient.PASSWORD);

    ConsumerRecord<String, String> published =
        firstRecord(
            record ->
                record.key().equals(String.valueOf(userId))
                    && EventJson.read(record.value())
                        .type()
                        .equals(EventType.LOGIN_SUCCEEDED.type()));

    EventSchemas.load().check(published.value());
    EventEnvelope event = EventJson.read(published.value());
    assertThat(event.subject()).isEqualTo(String.valueOf(userId));
    assertThat(event.data()).containsEntry("session_id", tokens.sessionId());
    assertThat(published.headers().lastHeader("traceparent")).isNotNull();
  }

  /** Reads the topic from its beginning until a record matches. */
  private static ConsumerRecord<String, String> firstRecord(
      Predicate<ConsumerRecord<String, String>> wanted) {
    List<ConsumerRecord<String, String>> matching = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      await()
          .atMost(PUBLISHED)
          .ignoreExceptions()
          .until(() -> !consumer.partitionsFor(Topics.IDENTITY).isEmpty());
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.IDENTITY).stream()
              .map(PartitionInfo::partition)
              .map(partition -> new TopicPartition(Topics.IDENTITY, partition))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(PUBLISHED)
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (wanted.test(record)) {
                    matching.add(record);
                  }
                }
                return !matching.isEmpty();
              });
    }
    return matching.get(0);
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
