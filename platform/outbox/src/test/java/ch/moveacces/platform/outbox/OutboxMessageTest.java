package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

  @Test
  void keepsACopyOfTheHeaders() {
    Map<String, String> headers = new HashMap<>(Map.of("traceparent", "00-abc-def-01"));
    OutboxMessage message = new OutboxMessage(UUID.randomUUID(), "t", "k", "{}", headers);

    headers.clear();

    assertThat(message.headers()).containsEntry("traceparent", "00-abc-def-01");
  }

  @Test
  void needsATopicAndAKey() {
    UUID id = UUID.randomUUID();
    assertThatThrownBy(() -> new OutboxMessage(id, " ", "k", "{}")).hasMessageContaining("topic");
    assertThatThrownBy(() -> new OutboxMessage(id, "t", "", "{}")).hasMessageContaining("key");
  }

  @Test
  void headersSurviveTheirStoredForm() {
    Map<String, String> headers = Map.of("traceparent", "00-1-2-01", "tracestate", "a=b");

    assertThat(HeadersJson.read(HeadersJson.write(headers))).isEqualTo(headers);
  }
}
