package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;

/** {@code abonnement-activated}: a pending abonnement started. */
public record AbonnementActivated(long abonnementId) implements EventPayload {

  @Override
  public EventType eventType() {
    return EventType.ABONNEMENT_ACTIVATED;
  }
}
