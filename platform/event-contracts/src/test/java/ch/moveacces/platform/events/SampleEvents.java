package ch.moveacces.platform.events;

import java.util.List;
import java.util.Map;

/** A valid envelope builder for each type, as a producer would fill it. */
final class SampleEvents {

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String SESSION = "0b7f3c55-3c0e-4a57-9d5e-8a4b2f1e9c61";

  private SampleEvents() {}

  static EventEnvelopeBuilder anEvent(EventType type) {
    return EventEnvelope.builder(type)
        .source(type.topic().startsWith("identity") ? "auth-service" : "some-service")
        .user(42)
        .trace(TRACEPARENT, "moveacces=1")
        .client("2001:db8::1", "MoveAcces/2.4 (Android 15)")
        .data(data(type));
  }

  static Map<String, Object> data(EventType type) {
    return switch (type) {
      case USER_REGISTERED -> Map.of();
      case LOGIN_FAILED -> Map.of("reason", "wrong_password");
      case LOGIN_SUCCEEDED,
          REFRESH_TOKEN_ROTATED,
          REFRESH_TOKEN_REUSE_DETECTED,
          LOGGED_OUT,
          SESSION_REVOKED,
          PASSWORD_CHANGED ->
          Map.of("session_id", SESSION);
      case ALL_SESSIONS_REVOKED -> Map.of("revoked_sessions", 2);
      case PROFILE_UPDATED -> Map.of("changed_fields", List.of("tel"));
      case ABONNEMENT_CREATED -> Map.of("abonnement_id", 17, "status", "active");
      case ABONNEMENT_CANCELED -> Map.of("abonnement_id", 17, "previous_status", "paused");
      case ABONNEMENT_EXPIRED ->
          Map.of("abonnement_id", 17, "previous_status", "active", "date_stop", "2026-11-24");
      case ABONNEMENT_PAUSED, ABONNEMENT_RESUMED, ABONNEMENT_ACTIVATED ->
          Map.of("abonnement_id", 17);
    };
  }
}
