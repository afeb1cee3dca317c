package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.util.Objects;

/** {@code session-revoked}: the session ended from another one. */
public record SessionRevoked(String sessionId) implements EventPayload {

  public SessionRevoked {
    Objects.requireNonNull(sessionId, "sessionId");
  }

  @Override
  public EventType eventType() {
    return EventType.SESSION_REVOKED;
  }
}
