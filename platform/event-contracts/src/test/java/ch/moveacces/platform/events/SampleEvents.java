package ch.moveacces.platform.events;

import ch.moveacces.platform.events.payload.AbonnementActivated;
import ch.moveacces.platform.events.payload.AbonnementCanceled;
import ch.moveacces.platform.events.payload.AbonnementCreated;
import ch.moveacces.platform.events.payload.AbonnementExpired;
import ch.moveacces.platform.events.payload.AbonnementPaused;
import ch.moveacces.platform.events.payload.AbonnementResumed;
import ch.moveacces.platform.events.payload.AllSessionsRevoked;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.LoginFailed;
import ch.moveacces.platform.events.payload.LoginSucceeded;
import ch.moveacces.platform.events.payload.PasswordChanged;
import ch.moveacces.platform.events.payload.ProfileUpdated;
import ch.moveacces.platform.events.payload.RefreshTokenReuseDetected;
import ch.moveacces.platform.events.payload.RefreshTokenRotated;
import ch.moveacces.platform.events.payload.SessionRevoked;
import ch.moveacces.platform.events.payload.UserRegistered;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A valid envelope builder for each type, as a producer would fill it. */
final class SampleEvents {

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String SESSION = "0b7f3c55-3c0e-4a57-9d5e-8a4b2f1e9c61";

  private SampleEvents() {}

  static EventEnvelopeBuilder anEvent(EventType type) {
    return EventEnvelope.builder(payload(type))
        .source(type.topic().startsWith("identity") ? "auth-service" : "some-service")
        .user(42)
        .trace(TRACEPARENT, "moveacces=1")
        .client("2001:db8::1", "MoveAcces/2.4 (Android 15)");
  }

  /** A payload of each type with every field set, optional ones included. */
  static EventPayload payload(EventType type) {
    return switch (type) {
      case USER_REGISTERED -> new UserRegistered();
      case LOGIN_SUCCEEDED -> new LoginSucceeded(SESSION);
      case LOGIN_FAILED -> new LoginFailed(LoginFailed.Reason.WRONG_PASSWORD);
      case REFRESH_TOKEN_ROTATED -> new RefreshTokenRotated(SESSION);
      case REFRESH_TOKEN_REUSE_DETECTED -> new RefreshTokenReuseDetected(SESSION);
      case LOGGED_OUT -> new LoggedOut(SESSION);
      case SESSION_REVOKED -> new SessionRevoked(SESSION);
      case ALL_SESSIONS_REVOKED -> new AllSessionsRevoked(2);
      case PASSWORD_CHANGED -> new PasswordChanged(SESSION);
      case PROFILE_UPDATED -> new ProfileUpdated(List.of("tel"));
      case ABONNEMENT_CREATED ->
          new AbonnementCreated(
              17, "active", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
      case ABONNEMENT_PAUSED -> new AbonnementPaused(17);
      case ABONNEMENT_RESUMED -> new AbonnementResumed(17);
      case ABONNEMENT_CANCELED -> new AbonnementCanceled(17, "paused");
      case ABONNEMENT_EXPIRED -> new AbonnementExpired(17, "active", LocalDate.parse("2026-11-24"));
      case ABONNEMENT_ACTIVATED -> new AbonnementActivated(17);
    };
  }

  /** An envelope no producer could build: arbitrary data, as a consumer may receive it. */
  static EventEnvelope withData(EventType type, Map<String, Object> data) {
    EventEnvelope event = anEvent(type).build();
    return new EventEnvelope(
        UUID.randomUUID(),
        event.source(),
        event.type(),
        event.specversion(),
        event.time(),
        event.subject(),
        event.datacontenttype(),
        event.traceparent(),
        event.tracestate(),
        event.actor(),
        data);
  }
}
