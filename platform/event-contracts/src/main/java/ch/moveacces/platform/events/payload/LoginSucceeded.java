package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.util.Objects;

/** {@code login-succeeded}: the session the sign-in opened. */
public record LoginSucceeded(String sessionId) implements EventPayload {

  public LoginSucceeded {
    Objects.requireNonNull(sessionId, "sessionId");
  }

  @Override
  public EventType eventType() {
    return EventType.LOGIN_SUCCEEDED;
  }
}
