package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;

/** The {@code data} of one event type; each implementation is a record of that type's fields. */
public sealed interface EventPayload
    permits UserRegistered,
        LoginSucceeded,
        LoginFailed,
        RefreshTokenRotated,
        RefreshTokenReuseDetected,
        LoggedOut,
        SessionRevoked,
        AllSessionsRevoked,
        PasswordChanged,
        ProfileUpdated,
        AbonnementCreated,
        AbonnementPaused,
        AbonnementResumed,
        AbonnementCanceled,
        AbonnementExpired,
        AbonnementActivated {

  /** The type whose {@code data} this is; not a field on the wire. */
  EventType eventType();
}
