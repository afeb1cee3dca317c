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
import java.util.Map;

/**
 * The payload record of each event type, and the way consumers read one back, so that they too name
 * fields through the records rather than as strings. The switch has no default: a new event type
 * does not compile until it has its record here.
 */
public final class EventPayloads {

  private EventPayloads() {}

  /** The record whose components are the {@code data} fields of this type. */
  public static Class<? extends EventPayload> recordOf(EventType type) {
    return switch (type) {
      case USER_REGISTERED -> UserRegistered.class;
      case LOGIN_SUCCEEDED -> LoginSucceeded.class;
      case LOGIN_FAILED -> LoginFailed.class;
      case REFRESH_TOKEN_ROTATED -> RefreshTokenRotated.class;
      case REFRESH_TOKEN_REUSE_DETECTED -> RefreshTokenReuseDetected.class;
      case LOGGED_OUT -> LoggedOut.class;
      case SESSION_REVOKED -> SessionRevoked.class;
      case ALL_SESSIONS_REVOKED -> AllSessionsRevoked.class;
      case PASSWORD_CHANGED -> PasswordChanged.class;
      case PROFILE_UPDATED -> ProfileUpdated.class;
      case ABONNEMENT_CREATED -> AbonnementCreated.class;
      case ABONNEMENT_PAUSED -> AbonnementPaused.class;
      case ABONNEMENT_RESUMED -> AbonnementResumed.class;
      case ABONNEMENT_CANCELED -> AbonnementCanceled.class;
      case ABONNEMENT_EXPIRED -> AbonnementExpired.class;
      case ABONNEMENT_ACTIVATED -> AbonnementActivated.class;
    };
  }

  /**
   * The typed payload of an envelope of a known type: its {@code data} without the client's address
   * and user agent, which belong to the request rather than to the type. Throws {@link
   * IllegalArgumentException} for an unknown type or data that does not fit the type's record (an
   * envelope that breaks its schema).
   */
  public static EventPayload read(EventEnvelope envelope) {
    EventType type =
        EventType.fromType(envelope.type())
            .orElseThrow(() -> new IllegalArgumentException("Unknown type " + envelope.type()));
    return PayloadFields.read(envelope.data(), recordOf(type));
  }

  /**
   * The {@code data} fields of a payload as a producer writes them (snake_case, null components
   * left out), without the client's address and user agent: what a consumer may pass on of an event
   * it read, and nothing a record does not name.
   */
  public static Map<String, Object> fields(EventPayload payload) {
    return PayloadFields.of(payload);
  }
}
