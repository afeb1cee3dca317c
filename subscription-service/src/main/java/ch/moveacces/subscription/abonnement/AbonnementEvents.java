package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.outbox.EventOutbox;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The event of each abonnement change, appended to the outbox in the caller's transaction. The
 * subject is always the abonnement's member, also when an administrator or the job made the change.
 */
@Component
public class AbonnementEvents {

  private static final String ABONNEMENT_ID = "abonnement_id";

  private final EventOutbox outbox;

  AbonnementEvents(EventOutbox outbox) {
    this.outbox = outbox;
  }

  public Mono<EventEnvelope> created(long id, NewAbonnement abonnement, Client client) {
    EventEnvelopeBuilder event =
        EventEnvelope.builder(EventType.ABONNEMENT_CREATED)
            .user(abonnement.userId())
            .client(client.ip(), client.userAgent())
            .data(ABONNEMENT_ID, id)
            .data("status", abonnement.state().value())
            .data("date_start", abonnement.dateStart().toString());
    LocalDate stop = abonnement.dateStop();
    if (stop != null) {
      event.data("date_stop", stop.toString());
    }
    return outbox.append(event);
  }

  /** The event of a transition; {@code before} is the abonnement as it was locked. */
  public Mono<EventEnvelope> changed(Abonnement before, Transition transition, Client client) {
    EventEnvelopeBuilder event =
        EventEnvelope.builder(transition.event())
            .user(before.userId())
            .client(client.ip(), client.userAgent())
            .data(ABONNEMENT_ID, before.id());
    switch (transition) {
      case CANCEL -> event.data("previous_status", before.state().value());
      case EXPIRE -> {
        event.data("previous_status", before.state().value());
        LocalDate stop = before.dateStop();
        if (stop == null) {
          throw new IllegalStateException("An abonnement without stop date cannot expire");
        }
        event.data("date_stop", stop.toString());
      }
      case ACTIVATE, PAUSE, RESUME -> {}
    }
    return outbox.append(event);
  }
}
