package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * {@code password-changed}: the session that changed it (the one that stays signed in), when known.
 * Never a password.
 */
public record PasswordChanged(@Nullable String sessionId) implements EventPayload {

  @Override
  public EventType eventType() {
    return EventType.PASSWORD_CHANGED;
  }
}
