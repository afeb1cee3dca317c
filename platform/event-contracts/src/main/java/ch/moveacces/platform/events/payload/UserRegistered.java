package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;

/** {@code user-registered}: a new account; no field besides the client's. */
public record UserRegistered() implements EventPayload {

  @Override
  public EventType eventType() {
    return EventType.USER_REGISTERED;
  }
}
