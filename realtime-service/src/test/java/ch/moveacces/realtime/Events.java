package ch.moveacces.realtime;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.payload.AbonnementPaused;
import ch.moveacces.platform.events.payload.AllSessionsRevoked;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.LoginSucceeded;
import ch.moveacces.platform.events.payload.PasswordChanged;
import ch.moveacces.platform.events.payload.ProfileUpdated;
import ch.moveacces.platform.events.payload.RefreshTokenReuseDetected;
import ch.moveacces.platform.events.payload.RefreshTokenRotated;
import ch.moveacces.platform.events.payload.SessionRevoked;
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
    return EventEnvelope.builder(new ProfileUpdated(List.of("npa", "localite")))
        .source("profile-service")
        .user(Long.parseLong(userId))
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .build();
  }

  static EventEnvelope sessionEvent(EventType type, String userId, String sessionId) {
    return EventEnvelope.builder(sessionPayload(type, sessionId))
        .source("auth-service")
        .user(Long.parseLong(userId))
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .build();
  }

  private static EventPayload sessionPayload(EventType type, String sessionId) {
    return switch (type) {
      case LOGIN_SUCCEEDED -> new LoginSucceeded(sessionId);
      case REFRESH_TOKEN_ROTATED -> new RefreshTokenRotated(sessionId);
      case REFRESH_TOKEN_REUSE_DETECTED -> new RefreshTokenReuseDetected(sessionId);
      case LOGGED_OUT -> new LoggedOut(sessionId);
      case SESSION_REVOKED -> new SessionRevoked(sessionId);
      case PASSWORD_CHANGED -> new PasswordChanged(sessionId);
      default -> throw new IllegalArgumentException(type + " names no session");
    };
  }

  static EventEnvelope abonnementPaused(String userId, long abonnementId) {
    return EventEnvelope.builder(new AbonnementPaused(abonnementId))
        .source("subscription-service")
        .user(Long.parseLong(userId))
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .build();
  }

  static EventEnvelope allSessionsRevoked(String userId) {
    return EventEnvelope.builder(new AllSessionsRevoked(2))
        .source("auth-service")
        .user(Long.parseLong(userId))
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
