package ch.moveacces.realtime;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.testkit.TestEngines;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the test broker as producers do: key = subject, on the type's topic. */
final class Events {

  private static final KafkaProducer<String, String> PRODUCER =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              TestEngines.kafka().bootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all",
              ProducerConfig.LINGER_MS_CONFIG,
              0),
          new StringSerializer(),
          new StringSerializer());

  private Events() {}

  static EventEnvelope profileUpdated(String userId) {
    return EventEnvelope.builder(EventType.PROFILE_UPDATED)
        .source("profile-service")
        .user(Long.parseLong(userId))
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .data("changed_fields", List.of("npa", "localite"))
        .build();
  }

  static EventEnvelope sessionEvent(EventType type, String userId, String sessionId) {
    return EventEnvelope.builder(type)
        .source("auth-service")
        .user(Long.parseLong(userId))
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .data("session_id", sessionId)
        .build();
  }

  static EventEnvelope abonnementPaused(String userId, long abonnementId) {
    return EventEnvelope.builder(EventType.ABONNEMENT_PAUSED)
        .source("subscription-service")
        .user(Long.parseLong(userId))
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .data("abonnement_id", abonnementId)
        .build();
  }

  static EventEnvelope allSessionsRevoked(String userId) {
    return EventEnvelope.builder(EventType.ALL_SESSIONS_REVOKED)
        .source("auth-service")
        .user(Long.parseLong(userId))
        .data("revoked_sessions", 2)
        .build();
  }

  /** Publishes and waits for the broker's acknowledgement. */
  static void publish(EventEnvelope event) {
    await(send(event));
  }

  static Future<RecordMetadata> send(EventEnvelope event) {
    String topic = EventType.fromType(event.type()).orElseThrow().topic();
    return PRODUCER.send(new ProducerRecord<>(topic, event.key(), EventJson.write(event)));
  }

  static void publish(String topic, String key, String value) {
    await(PRODUCER.send(new ProducerRecord<>(topic, key, value)));
  }

  static void flush() {
    PRODUCER.flush();
  }

  private static void await(Future<RecordMetadata> sent) {
    try {
      sent.get(30, TimeUnit.SECONDS);
    } catch (Exception failure) {
      throw new IllegalStateException("Could not publish", failure);
    }
  }
}
