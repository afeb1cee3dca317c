package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.util.Objects;

/** {@code logged-out}: the session its member ended. */
public record LoggedOut(String sessionId) implements EventPayload {

  public LoggedOut {
    Objects.requireNonNull(sessionId, "sessionId");
  }

  @Override
  public EventType eventType() {
    return EventType.LOGGED_OUT;
  }
}
