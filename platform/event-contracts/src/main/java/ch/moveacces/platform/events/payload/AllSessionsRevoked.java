package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;

/** {@code all-sessions-revoked}: how many sessions ended. */
public record AllSessionsRevoked(long revokedSessions) implements EventPayload {

  public AllSessionsRevoked {
    if (revokedSessions < 0) {
      throw new IllegalArgumentException("A count of sessions: " + revokedSessions);
    }
  }

  @Override
  public EventType eventType() {
    return EventType.ALL_SESSIONS_REVOKED;
  }
}
