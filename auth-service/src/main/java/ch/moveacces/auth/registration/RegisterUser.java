package ch.moveacces.auth.registration;

import ch.moveacces.auth.account.Accounts;
import ch.moveacces.auth.account.NewAccount;
import ch.moveacces.auth.event.IdentityEvents;
import ch.moveacces.auth.password.PasswordHashing;
import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.platform.events.Client;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates an account: the {@code users} row, its {@code acces_app} credentials and the
 * user-registered event in one transaction, so that a failure leaves none of them. The password is
 * hashed before the transaction opens, which never waits on the hashing pool.
 */
@Service
public class RegisterUser {

  private final Accounts accounts;
  private final PasswordHashing hashing;
  private final IdentityEvents events;
  private final TransactionalOperator transaction;

  RegisterUser(
      Accounts accounts,
      PasswordHashing hashing,
      IdentityEvents events,
      ReactiveTransactionManager transactions) {
    this.accounts = accounts;
    this.hashing = hashing;
    this.events = events;
    this.transaction = TransactionalOperator.create(transactions);
  }

  /** The new user's id; 409 when the email is taken. The password must satisfy the policy. */
  public Mono<Long> register(NewAccount account, String password, Client client) {
    return hashing
        .hash(password)
        .flatMap(
            hash ->
                accounts
                    .insertUser(account)
                    .flatMap(
                        userId ->
                            accounts.insertCredentials(account.email(), hash).thenReturn(userId))
                    .onErrorMap(
                        DataIntegrityViolationException.class,
                        duplicate -> AuthProblems.emailTaken())
                    .flatMap(userId -> events.userRegistered(userId, client).thenReturn(userId))
                    .as(transaction::transactional));
  }
}
