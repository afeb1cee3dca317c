package ch.moveacces.platform.events;

import static ch.moveacces.platform.events.SampleEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

  @Test
  void readsBackWhatItWrites() {
    EventEnvelope event =
        anEvent(EventType.PROFILE_UPDATED)
            .time(Instant.parse("2026-11-25T09:30:12.3456789Z"))
            .build();

    assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
  }

  @Test
  void writesTimeInUtcWithMicroseconds() {
    EventEnvelope event =
        anEvent(EventType.LOGGED_OUT).time(Instant.parse("2026-11-25T09:30:12Z")).build();

    assertThat(EventJson.toNode(event).get("time").stringValue())
        .isEqualTo("2026-11-25T09:30:12.000000Z");
  }

  @Test
  void writesTheCloudEventsAttributes() {
    UUID id = UUID.randomUUID();
    ObjectNode node =
        EventJson.toNode(anEvent(EventType.USER_REGISTERED).id(id).source("auth-service").build());

    assertThat(node.get("id").stringValue()).isEqualTo(id.toString());
    assertThat(node.get("source").stringValue()).isEqualTo("/auth-service");
    assertThat(node.get("type").stringValue())
        .isEqualTo("ch.moveacces.identity.user-registered.v1");
    assertThat(node.get("specversion").stringValue()).isEqualTo("1.0");
    assertThat(node.get("datacontenttype").stringValue()).isEqualTo("application/json");
    assertThat(node.get("subject").stringValue()).isEqualTo("42");
    assertThat(node.get("traceparent").stringValue()).isEqualTo(SampleEvents.TRACEPARENT);
    assertThat(node.get("data").get("client_ip").stringValue()).isEqualTo("2001:db8::1");
  }

  @Test
  void leavesOutWhatIsNotKnown() {
    ObjectNode node =
        EventJson.toNode(
            anEvent(EventType.USER_REGISTERED).trace(null, " ").client(null, "").build());

    assertThat(node.has("traceparent")).isFalse();
    assertThat(node.has("tracestate")).isFalse();
  }

  @Test
  void refusesAnEventWithoutId() {
    ObjectNode node = EventJson.toNode(anEvent(EventType.LOGGED_OUT).build());
    node.remove("id");

    assertThatIllegalArgumentException().isThrownBy(() -> EventJson.fromNode(node));
  }

  @Test
  void refusesText() {
    assertThatIllegalArgumentException().isThrownBy(() -> EventJson.read("not an event"));
  }
}
