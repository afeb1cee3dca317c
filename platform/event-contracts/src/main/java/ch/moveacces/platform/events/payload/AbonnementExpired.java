package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code abonnement-expired}: its stop date passed; {@code previousStatus} is {@code active} or
 * {@code paused}.
 */
public record AbonnementExpired(long abonnementId, String previousStatus, LocalDate dateStop)
    implements EventPayload {

  public AbonnementExpired {
    Objects.requireNonNull(previousStatus, "previousStatus");
    Objects.requireNonNull(dateStop, "dateStop");
  }

  @Override
  public EventType eventType() {
    return EventType.ABONNEMENT_EXPIRED;
  }
}
