package ch.moveacces.audit;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.testkit.TestEngines;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/** Publishes records to the test broker as producers do: key = subject, traceparent header. */
public final class Events {

  private static final KafkaProducer<String, String> PRODUCER =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              TestEngines.kafka().bootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all"),
          new StringSerializer(),
          new StringSerializer());

  private Events() {}

  /** A user id no other test uses, so that its rows are this test's only. */
  public static long newUserId() {
    return ThreadLocalRandom.current().nextLong(1_000_000, 4_000_000_000L);
  }

  /** A new W3C traceparent. */
  public static String newTraceparent() {
    HexFormat hex = HexFormat.of();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "00-"
        + hex.toHexDigits(random.nextLong())
        + hex.toHexDigits(random.nextLong())
        + "-"
        + hex.toHexDigits(random.nextLong())
        + "-01";
  }

  /** A logout of this user, in a trace of its own. */
  public static EventEnvelope loggedOut(long userId) {
    return EventEnvelope.builder(new LoggedOut(java.util.UUID.randomUUID().toString()))
        .source("auth-service")
        .user(userId)
        .trace(newTraceparent(), null)
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .build();
  }

  public static void publish(EventEnvelope event) {
    publish(
        EventType.fromType(event.type()).orElseThrow().topic(),
        event.key(),
        EventJson.write(event),
        event.traceparent());
  }

  /** Publishes one record and waits for the broker's acknowledgement. */
  public static void publish(
      String topic, String key, @Nullable String value, @Nullable String traceparent) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    if (traceparent != null) {
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    }
    try {
      PRODUCER.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception failure) {
      throw new IllegalStateException("Could not publish to " + topic, failure);
    }
  }
}
