package ch.moveacces.subscription.expiry;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.Client;
import ch.moveacces.subscription.abonnement.Abonnement;
import ch.moveacces.subscription.abonnement.AbonnementEvents;
import ch.moveacces.subscription.abonnement.Abonnements;
import ch.moveacces.subscription.abonnement.Transition;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expires the active and paused abonnements whose stop date has passed: an abonnement stopping on
 * the 24th is valid through the 24th and expires on the 25th, in the configured calendar. Each
 * batch is one transaction that locks its rows with {@code SKIP LOCKED}, updates them and appends
 * one event each; any number of instances may run it at once and each abonnement expires once.
 * Nobody asked for the change, so its events name the system as actor.
 */
public class ExpiryJob {

  private final Abonnements abonnements;
  private final AbonnementEvents events;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final int batchSize;

  public ExpiryJob(
      Abonnements abonnements,
      AbonnementEvents events,
      TransactionalOperator transaction,
      Clock clock,
      int batchSize) {
    this.abonnements = abonnements;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Runs batches until none is full; the number of abonnements this run expired. */
  public Mono<Integer> expireDue() {
    LocalDate today = LocalDate.now(clock);
    return batch(today)
        .expand(done -> done.locked() == batchSize ? batch(today) : Mono.empty())
        .reduce(0, (sum, done) -> sum + done.expired());
  }

  private Mono<Batch> batch(LocalDate today) {
    return abonnements
        .lockDue(today, batchSize)
        .collectList()
        .flatMap(this::expire)
        .as(transaction::transactional);
  }

  private Mono<Batch> expire(List<Abonnement> due) {
    return Flux.fromIterable(due)
        .concatMap(this::expire)
        .reduce(0, Integer::sum)
        .map(expired -> new Batch(due.size(), expired));
  }

  /**
   * The state is checked again in the UPDATE: the row count, not the earlier read, decides whether
   * this run emits the event.
   */
  private Mono<Integer> expire(Abonnement abonnement) {
    return abonnements
        .changeState(abonnement.id(), abonnement.state(), Transition.EXPIRE.to())
        .flatMap(
            changed ->
                changed
                    ? events
                        .changed(abonnement, Transition.EXPIRE, Actor.SYSTEM, Client.UNKNOWN)
                        .thenReturn(1)
                    : Mono.just(0));
  }

  private record Batch(int locked, int expired) {}
}
