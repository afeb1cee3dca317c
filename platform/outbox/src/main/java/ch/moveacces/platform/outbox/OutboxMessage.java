package ch.moveacces.platform.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event to publish: its id (consumers dedupe by it), the topic, the record key (order is kept
 * per key), the serialised payload (JSON) and the record headers, such as {@code traceparent}.
 */
public record OutboxMessage(
    UUID eventId, String topic, String key, String payload, Map<String, String> headers) {

  public OutboxMessage {
    Objects.requireNonNull(eventId, "eventId");
    requireText(topic, "topic");
    requireText(key, "key");
    Objects.requireNonNull(payload, "payload");
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
  }

  public OutboxMessage(UUID eventId, String topic, String key, String payload) {
    this(eventId, topic, key, payload, Map.of());
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
