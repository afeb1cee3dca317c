package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.payload.AbonnementPaused;
import ch.moveacces.platform.events.payload.AllSessionsRevoked;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.PasswordChanged;
import ch.moveacces.platform.events.payload.ProfileUpdated;
import ch.moveacces.platform.events.payload.RefreshTokenReuseDetected;
import ch.moveacces.platform.events.payload.SessionRevoked;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which sessions an event ends, read from its typed payload, and what a device is sent; an event
 * with or without actor, or breaking its schema where this service does not look, is acted on.
 */
class PushableEventTest {

  private static final EventSchemas SCHEMAS = EventSchemas.load();
  private static final String SID = "0b7f3c55-3c0e-4a57-9d5e-8a4b2f1e9c61";
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** Three list members of 240 characters: valid W3C trace context, longer than schemas allow. */
  static final String OVER_LONG_TRACESTATE =
      String.join(",", "a=" + "x".repeat(238), "b=" + "y".repeat(238), "c=" + "z".repeat(238));

  @Test
  void a_revoked_session_a_logout_and_a_reused_token_each_end_their_session() {
    assertThat(pushed(new SessionRevoked(SID)).directive()).isEqualTo(PushableEvent.SESSION + SID);
    assertThat(pushed(new LoggedOut(SID)).directive()).isEqualTo(PushableEvent.SESSION + SID);
    assertThat(pushed(new RefreshTokenReuseDetected(SID)).directive())
        .isEqualTo(PushableEvent.SESSION + SID);
  }

  @Test
  void all_sessions_revoked_ends_every_session() {
    assertThat(pushed(new AllSessionsRevoked(3)).directive()).isEqualTo(PushableEvent.ALL_SESSIONS);
  }

  @Test
  void a_password_change_ends_every_session_but_the_one_that_made_it() {
    assertThat(pushed(new PasswordChanged(SID)).directive())
        .isEqualTo(PushableEvent.ALL_SESSIONS_BUT + SID);
    assertThat(pushed(new PasswordChanged(null)).directive()).isEqualTo(PushableEvent.ALL_SESSIONS);
  }

  @Test
  void an_abonnement_change_ends_no_session_and_reaches_the_device_without_the_client() {
    PushableEvent event = pushed(new AbonnementPaused(17));

    assertThat(event.directive()).isEqualTo(PushableEvent.NONE);
    assertThat(event.userId()).isEqualTo("42");
    assertThat(event.body())
        .contains("\"abonnement_id\":17")
        .doesNotContain("client_ip")
        .doesNotContain("user_agent");
  }

  @Test
  void an_event_is_pushed_the_same_with_or_without_an_actor() {
    PushableEvent unsaid = pushed(envelope(new SessionRevoked(SID)).build());

    for (Actor actor : List.of(Actor.member(42), Actor.admin(7), Actor.SYSTEM)) {
      PushableEvent said = pushed(envelope(new SessionRevoked(SID)).actor(actor).build());

      assertThat(said.body()).isEqualTo(unsaid.body()).doesNotContain("actor");
      assertThat(said.directive()).isEqualTo(unsaid.directive());
      assertThat(said.schemaViolations()).isEmpty();
    }
  }

  @Test
  void a_revocation_with_an_over_long_tracestate_still_ends_its_session_and_is_flagged() {
    EventEnvelope revoked =
        envelope(new SessionRevoked(SID)).trace(TRACEPARENT, OVER_LONG_TRACESTATE).build();

    PushableEvent event = pushed(revoked);

    assertThat(event.directive()).isEqualTo(PushableEvent.SESSION + SID);
    assertThat(event.schemaViolations()).anyMatch(violation -> violation.contains("tracestate"));
  }

  @Test
  void a_malformed_actor_does_not_keep_an_event_from_the_devices() {
    ObjectNode node = EventJson.toNode(envelope(new AllSessionsRevoked(2)).build());
    node.put("actor", "robot").put("actorid", "not a user id");

    PushableEvent event = PushableEvent.of(node.toString(), SCHEMAS);

    assertThat(event).isNotNull();
    assertThat(event.directive()).isEqualTo(PushableEvent.ALL_SESSIONS);
    assertThat(event.schemaViolations()).anyMatch(violation -> violation.contains("actor"));
  }

  @Test
  void a_field_the_type_does_not_name_is_flagged_and_never_reaches_a_device() {
    ObjectNode node = EventJson.toNode(envelope(new AbonnementPaused(17)).build());
    ((ObjectNode) node.get("data")).put("abo_price", 49);

    PushableEvent event = PushableEvent.of(node.toString(), SCHEMAS);

    assertThat(event).isNotNull();
    assertThat(event.body()).contains("\"abonnement_id\":17").doesNotContain("abo_price");
    assertThat(event.schemaViolations()).anyMatch(violation -> violation.contains("abo_price"));
  }

  @Test
  void a_valid_event_has_no_violations() {
    assertThat(pushed(new ProfileUpdated(List.of("npa"))).schemaViolations()).isEmpty();
  }

  @Test
  void what_cannot_be_read_as_an_envelope_and_payload_is_unreadable() {
    ObjectNode withoutSession = EventJson.toNode(envelope(new SessionRevoked(SID)).build());
    ((ObjectNode) withoutSession.get("data")).remove("session_id");
    ObjectNode withoutTime = EventJson.toNode(envelope(new SessionRevoked(SID)).build());
    withoutTime.remove("time");

    for (String value :
        List.of("not json", "[]", withoutSession.toString(), withoutTime.toString())) {
      assertThatExceptionOfType(UnreadableEvent.class)
          .as(value)
          .isThrownBy(() -> PushableEvent.of(value, SCHEMAS));
    }
  }

  private static PushableEvent pushed(EventPayload payload) {
    return pushed(envelope(payload).build());
  }

  private static PushableEvent pushed(EventEnvelope envelope) {
    PushableEvent event = PushableEvent.of(EventJson.write(envelope), SCHEMAS);
    assertThat(event).isNotNull();
    return event;
  }

  private static EventEnvelopeBuilder envelope(EventPayload payload) {
    return EventEnvelope.builder(payload)
        .source("auth-service")
        .user(42)
        .time(Instant.parse("2026-11-25T09:30:12.345678Z"))
        .client("192.0.2.7", "MoveAcces/2.4");
  }
}
