package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.util.Objects;

/**
 * {@code refresh-token-reuse-detected}: the session revoked because one of its old refresh tokens
 * came back.
 */
public record RefreshTokenReuseDetected(String sessionId) implements EventPayload {

  public RefreshTokenReuseDetected {
    Objects.requireNonNull(sessionId, "sessionId");
  }

  @Override
  public EventType eventType() {
    return EventType.REFRESH_TOKEN_REUSE_DETECTED;
  }
}
