package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.payload.AbonnementPaused;
import ch.moveacces.platform.events.payload.AllSessionsRevoked;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.PasswordChanged;
import ch.moveacces.platform.events.payload.RefreshTokenReuseDetected;
import ch.moveacces.platform.events.payload.SessionRevoked;
import org.junit.jupiter.api.Test;

/** Which sessions an event ends, read from its typed payload, and what a device is sent. */
class PushableEventTest {

  private static final EventSchemas SCHEMAS = EventSchemas.load();
  private static final String SID = "0b7f3c55-3c0e-4a57-9d5e-8a4b2f1e9c61";

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

  private static PushableEvent pushed(EventPayload payload) {
    EventEnvelope envelope =
        EventEnvelope.builder(payload)
            .source("auth-service")
            .user(42)
            .client("192.0.2.7", "MoveAcces/2.4")
            .build();
    PushableEvent event = PushableEvent.of(EventJson.write(envelope), SCHEMAS);
    assertThat(event).isNotNull();
    return event;
  }
}
