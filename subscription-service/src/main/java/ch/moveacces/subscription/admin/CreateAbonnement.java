package ch.moveacces.subscription.admin;

import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.Client;
import ch.moveacces.subscription.abonnement.Abonnement;
import ch.moveacces.subscription.abonnement.AbonnementEvents;
import ch.moveacces.subscription.abonnement.Abonnements;
import ch.moveacces.subscription.abonnement.NewAbonnement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An administrator creates an abonnement for a member: the row and its event, or neither. The event
 * names the administrator, by their own user id, as its actor.
 */
@Service
class CreateAbonnement {

  private final Abonnements abonnements;
  private final AbonnementEvents events;
  private final TransactionalOperator transaction;

  CreateAbonnement(
      Abonnements abonnements, AbonnementEvents events, TransactionalOperator transaction) {
    this.abonnements = abonnements;
    this.events = events;
    this.transaction = transaction;
  }

  Mono<Abonnement> create(AbonnementRequest request, long administratorId, Client client) {
    return Mono.fromCallable(() -> AbonnementRules.check(request))
        .flatMap(checked -> create(checked, Actor.admin(administratorId), client));
  }

  private Mono<Abonnement> create(NewAbonnement abonnement, Actor actor, Client client) {
    return abonnements
        .userExists(abonnement.userId())
        .flatMap(
            exists ->
                exists
                    ? abonnements.insert(abonnement)
                    : Mono.error(new ValidationFailedException("user_id", "is no user")))
        .flatMap(id -> events.created(id, abonnement, actor, client).then(abonnements.find(id)))
        .as(transaction::transactional);
  }
}
