package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.Client;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Moves an abonnement through its {@link Transition}s. Each change locks the row, checks the
 * transition against the state it holds, updates it and appends its event, all in one transaction:
 * two concurrent requests are serialised by the lock, and the second one sees the state the first
 * one left.
 */
@Service
public class AbonnementLifecycle {

  private final Abonnements abonnements;
  private final AbonnementEvents events;
  private final TransactionalOperator transaction;

  AbonnementLifecycle(
      Abonnements abonnements, AbonnementEvents events, TransactionalOperator transaction) {
    this.abonnements = abonnements;
    this.events = events;
    this.transaction = transaction;
  }

  /**
   * A member's own abonnement, the member acting; another member's is answered as if it did not
   * exist.
   */
  Mono<Abonnement> applyForMember(Transition transition, long id, long userId, Client client) {
    return apply(transition, id, userId, Actor.member(userId), client);
  }

  /** Any member's abonnement, for an administrator, who is the actor by their own user id. */
  public Mono<Abonnement> applyForAdministrator(
      Transition transition, long id, long administratorId, Client client) {
    return apply(transition, id, null, Actor.admin(administratorId), client);
  }

  private Mono<Abonnement> apply(
      Transition transition, long id, @Nullable Long owner, Actor actor, Client client) {
    Mono<Abonnement> locked =
        owner == null ? abonnements.lock(id) : abonnements.lockOfUser(id, owner);
    return locked
        .switchIfEmpty(Mono.error(AbonnementNotFoundException::new))
        .flatMap(
            before -> {
              if (!transition.allowedFrom(before.state())) {
                return Mono.error(new IllegalTransitionException(before.state(), transition));
              }
              return abonnements
                  .changeState(id, before.state(), transition.to())
                  .flatMap(
                      changed ->
                          changed
                              ? events.changed(before, transition, actor, client)
                              : Mono.error(
                                  new IllegalStateException("A locked abonnement changed")))
                  .then(abonnements.find(id));
            })
        .as(transaction::transactional);
  }
}
