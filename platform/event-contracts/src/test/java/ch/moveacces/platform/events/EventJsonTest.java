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
  void writesAnEventWithoutActorAsBeforeActorsExisted() {
    EventEnvelope event =
        anEvent(EventType.LOGIN_SUCCEEDED)
            .id(UUID.fromString("8f14e45f-ceea-4e7a-9b1c-2f6d7a3b9c10"))
            .time(Instant.parse("2026-11-25T09:30:12.345678Z"))
            .build();

    assertThat(EventJson.write(event))
        .isEqualTo(
            "{\"id\":\"8f14e45f-ceea-4e7a-9b1c-2f6d7a3b9c10\",\"source\":\"/auth-service\","
                + "\"type\":\"ch.moveacces.identity.login-succeeded.v1\",\"specversion\":\"1.0\","
                + "\"time\":\"2026-11-25T09:30:12.345678Z\",\"subject\":\"42\","
                + "\"datacontenttype\":\"application/json\",\"traceparent\":\""
                + SampleEvents.TRACEPARENT
                + "\",\"tracestate\":\"moveacces=1\",\"data\":{\"client_ip\":\"2001:db8::1\","
                + "\"user_agent\":\"MoveAcces/2.4 (Android 15)\","
                + "\"session_id\":\"0b7f3c55-3c0e-4a57-9d5e-8a4b2f1e9c61\"}}");
  }

  @Test
  void readsAnEventWithoutActorAsNoneSaid() {
    EventEnvelope event = anEvent(EventType.LOGGED_OUT).build();

    assertThat(EventJson.read(EventJson.write(event)).actor()).isNull();
  }

  @Test
  void writesAUsersActorAsExtensionAttributesAndReadsItBack() {
    EventEnvelope event =
        anEvent(EventType.ABONNEMENT_ACTIVATED).actor(Actor.user(7, "admin")).build();

    ObjectNode node = EventJson.toNode(event);

    assertThat(node.get("actor").stringValue()).isEqualTo("user");
    assertThat(node.get("actorid").stringValue()).isEqualTo("7");
    assertThat(node.get("actorrole").stringValue()).isEqualTo("admin");
    assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
  }

  @Test
  void writesTheSystemAsActorWithoutIdOrRole() {
    EventEnvelope event = anEvent(EventType.ABONNEMENT_EXPIRED).actor(Actor.SYSTEM).build();

    ObjectNode node = EventJson.toNode(event);

    assertThat(node.get("actor").stringValue()).isEqualTo("system");
    assertThat(node.has("actorid")).isFalse();
    assertThat(node.has("actorrole")).isFalse();
    assertThat(EventJson.read(EventJson.write(event)).actor()).isEqualTo(Actor.SYSTEM);
  }

  @Test
  void refusesAnActorItDoesNotKnow() {
    ObjectNode node = EventJson.toNode(anEvent(EventType.LOGGED_OUT).build());
    node.put("actor", "robot");

    assertThatIllegalArgumentException().isThrownBy(() -> EventJson.fromNode(node));
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
