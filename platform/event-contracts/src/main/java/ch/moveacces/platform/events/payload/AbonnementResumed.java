package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;

/** {@code abonnement-resumed}. */
public record AbonnementResumed(long abonnementId) implements EventPayload {

  @Override
  public EventType eventType() {
    return EventType.ABONNEMENT_RESUMED;
  }
}
