package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code abonnement-created}; {@code status} is {@code pending} or {@code active}. */
public record AbonnementCreated(
    long abonnementId, String status, @Nullable LocalDate dateStart, @Nullable LocalDate dateStop)
    implements EventPayload {

  public AbonnementCreated {
    Objects.requireNonNull(status, "status");
  }

  @Override
  public EventType eventType() {
    return EventType.ABONNEMENT_CREATED;
  }
}
