package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;

/** {@code abonnement-paused}. */
public record AbonnementPaused(long abonnementId) implements EventPayload {

  @Override
  public EventType eventType() {
    return EventType.ABONNEMENT_PAUSED;
  }
}
