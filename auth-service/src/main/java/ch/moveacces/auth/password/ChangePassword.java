package ch.moveacces.auth.password;

import ch.moveacces.auth.account.Accounts;
import ch.moveacces.auth.event.IdentityEvents;
import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.auth.session.Sessions;
import ch.moveacces.platform.defaults.problem.FieldErrors;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.token.AuthenticatedUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Changes a password on proof of the current one, then ends every other session: whoever else knew
 * the old password is signed out. The new hash and the password-changed event commit together; the
 * other sessions end in Redis afterwards (the event says they do).
 */
@Service
class ChangePassword {

  private final Accounts accounts;
  private final PasswordHashing hashing;
  private final PasswordPolicy policy;
  private final Sessions sessions;
  private final IdentityEvents events;
  private final TransactionalOperator transaction;

  ChangePassword(
      Accounts accounts,
      PasswordHashing hashing,
      PasswordPolicy policy,
      Sessions sessions,
      IdentityEvents events,
      ReactiveTransactionManager transactions) {
    this.accounts = accounts;
    this.hashing = hashing;
    this.policy = policy;
    this.sessions = sessions;
    this.events = events;
    this.transaction = TransactionalOperator.create(transactions);
  }

  Mono<Void> change(
      AuthenticatedUser caller, String currentPassword, String newPassword, Client client) {
    return accounts
        .findByUserId(caller.userId().value())
        .switchIfEmpty(Mono.error(AuthProblems::invalidAccessToken))
        .flatMap(
            account -> {
              FieldErrors errors = new FieldErrors();
              policy
                  .violations(newPassword, account.email())
                  .forEach(v -> errors.add("new_password", v));
              errors.throwIfAny();
              return hashing
                  .verify(account.passwordHash(), currentPassword)
                  .flatMap(
                      ok -> {
                        if (!ok) {
                          FieldErrors wrong = new FieldErrors();
                          wrong.add("current_password", "is not the current password");
                          wrong.throwIfAny();
                        }
                        return hashing.hash(newPassword);
                      })
                  .flatMap(
                      hash ->
                          accounts
                              .updatePasswordHash(account.email(), hash)
                              .then(
                                  events.passwordChanged(
                                      caller.userId().value(), caller.sessionId(), client))
                              .as(transaction::transactional));
            })
        .then(Mono.defer(() -> sessions.revokeAll(caller.userId().value(), caller.sessionId())))
        .then();
  }
}
