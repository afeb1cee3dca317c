package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.util.Objects;

/**
 * {@code abonnement-canceled}; {@code previousStatus} is {@code pending}, {@code active} or {@code
 * paused}.
 */
public record AbonnementCanceled(long abonnementId, String previousStatus) implements EventPayload {

  public AbonnementCanceled {
    Objects.requireNonNull(previousStatus, "previousStatus");
  }

  @Override
  public EventType eventType() {
    return EventType.ABONNEMENT_CANCELED;
  }
}
