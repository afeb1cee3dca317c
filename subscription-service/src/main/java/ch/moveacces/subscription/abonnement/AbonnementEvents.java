package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.payload.AbonnementActivated;
import ch.moveacces.platform.events.payload.AbonnementCanceled;
import ch.moveacces.platform.events.payload.AbonnementCreated;
import ch.moveacces.platform.events.payload.AbonnementExpired;
import ch.moveacces.platform.events.payload.AbonnementPaused;
import ch.moveacces.platform.events.payload.AbonnementResumed;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.outbox.EventOutbox;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The event of each abonnement change, appended to the outbox in the caller's transaction. The
 * subject is always the abonnement's member, also when an administrator or the job made the change;
 * the actor says who made it: the member ({@link Actor#member}), an administrator by their own id
 * ({@link Actor#admin}) or the expiry job ({@link Actor#SYSTEM}).
 */
@Component
public class AbonnementEvents {

  private final EventOutbox outbox;

  AbonnementEvents(EventOutbox outbox) {
    this.outbox = outbox;
  }

  public Mono<EventEnvelope> created(
      long id, NewAbonnement abonnement, Actor actor, Client client) {
    return append(
        new AbonnementCreated(
            id, abonnement.state().value(), abonnement.dateStart(), abonnement.dateStop()),
        abonnement.userId(),
        actor,
        client);
  }

  /** The event of a transition; {@code before} is the abonnement as it was locked. */
  public Mono<EventEnvelope> changed(
      Abonnement before, Transition transition, Actor actor, Client client) {
    return append(payload(before, transition), before.userId(), actor, client);
  }

  /** The payload of a transition; its type is {@link Transition#event()}. */
  static EventPayload payload(Abonnement before, Transition transition) {
    return switch (transition) {
      case ACTIVATE -> new AbonnementActivated(before.id());
      case PAUSE -> new AbonnementPaused(before.id());
      case RESUME -> new AbonnementResumed(before.id());
      case CANCEL -> new AbonnementCanceled(before.id(), before.state().value());
      case EXPIRE -> new AbonnementExpired(before.id(), before.state().value(), stopDate(before));
    };
  }

  private static LocalDate stopDate(Abonnement expiring) {
    LocalDate stop = expiring.dateStop();
    if (stop == null) {
      throw new IllegalStateException("An abonnement without stop date cannot expire");
    }
    return stop;
  }

  private Mono<EventEnvelope> append(
      EventPayload payload, long userId, Actor actor, Client client) {
    return outbox.append(
        EventEnvelope.builder(payload)
            .user(userId)
            .actor(actor)
            .client(client.ip(), client.userAgent()));
  }
}
