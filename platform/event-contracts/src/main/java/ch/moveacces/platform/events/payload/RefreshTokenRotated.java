package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.util.Objects;

/** {@code refresh-token-rotated}: the session whose refresh token was exchanged. */
public record RefreshTokenRotated(String sessionId) implements EventPayload {

  public RefreshTokenRotated {
    Objects.requireNonNull(sessionId, "sessionId");
  }

  @Override
  public EventType eventType() {
    return EventType.REFRESH_TOKEN_ROTATED;
  }
}
