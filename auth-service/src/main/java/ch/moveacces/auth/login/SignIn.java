package ch.moveacces.auth.login;

import ch.moveacces.auth.account.Accounts;
import ch.moveacces.auth.account.Emails;
import ch.moveacces.auth.account.StoredCredentials;
import ch.moveacces.auth.event.IdentityEvents;
import ch.moveacces.auth.password.PasswordHashing;
import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.auth.session.SessionStart;
import ch.moveacces.auth.session.Sessions;
import ch.moveacces.platform.events.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks credentials and starts a session. An unknown email costs one Argon2id verification like a
 * wrong password and gets the same answer, so that neither time nor body tells them apart.
 */
@Service
class SignIn {

  private static final Logger log = LoggerFactory.getLogger(SignIn.class);

  private final Accounts accounts;
  private final PasswordHashing hashing;
  private final Sessions sessions;
  private final SessionTokens tokens;
  private final IdentityEvents events;

  SignIn(
      Accounts accounts,
      PasswordHashing hashing,
      Sessions sessions,
      SessionTokens tokens,
      IdentityEvents events) {
    this.accounts = accounts;
    this.hashing = hashing;
    this.sessions = sessions;
    this.tokens = tokens;
    this.events = events;
  }

  /**
   * A refusal is recorded (its event written) before the 401 leaves; unknown email and wrong
   * password each write one row, so that neither costs more than the other.
   */
  Mono<TokenResponse> signIn(String rawEmail, String password, Client client) {
    String email = Emails.normalise(rawEmail);
    return accounts
        .findByEmail(email)
        .flatMap(
            account ->
                hashing
                    .verify(account.passwordHash(), password)
                    .flatMap(
                        ok ->
                            ok
                                ? rehashIfNeeded(account, password).then(start(account, client))
                                : refused(
                                    events.loginFailedWithWrongPassword(account.userId(), client))))
        .switchIfEmpty(
            Mono.defer(
                () ->
                    hashing
                        .verifyDummy(password)
                        .then(refused(events.loginFailedForUnknownEmail(email, client)))));
  }

  private static Mono<TokenResponse> refused(Mono<Void> recorded) {
    return recorded.then(Mono.error(AuthProblems.invalidCredentials()));
  }

  private Mono<TokenResponse> start(StoredCredentials account, Client client) {
    String sessionId = Sessions.newSessionId();
    return tokens
        .issue(account.userId(), account.email(), sessionId)
        .flatMap(
            pair ->
                sessions
                    .start(
                        sessionId,
                        pair.refreshToken(),
                        new SessionStart(account.userId(), account.email(), client))
                    .then(
                        events
                            .loginSucceeded(account.userId(), sessionId, client)
                            .onErrorResume(
                                failure -> abandon(sessionId, account.userId(), failure)))
                    .thenReturn(tokens.response(pair, sessionId)));
  }

  /**
   * A session whose login event could not be written is ended again: no one received its tokens,
   * and it must not show up in the user's session list. The request still fails.
   */
  private Mono<Void> abandon(String sessionId, long userId, Throwable failure) {
    return sessions
        .revoke(sessionId, userId)
        .onErrorResume(
            revokeFailure -> {
              log.warn("Could not end the abandoned session of user {}", userId);
              return Mono.empty();
            })
        .then(Mono.error(failure));
  }

  /** Moves a hash made with older parameters to the configured ones; a busy pool can wait. */
  private Mono<Void> rehashIfNeeded(StoredCredentials account, String password) {
    if (!hashing.needsRehash(account.passwordHash())) {
      return Mono.empty();
    }
    return hashing
        .hash(password)
        .flatMap(hash -> accounts.updatePasswordHash(account.email(), hash))
        .doOnSuccess(done -> log.info("Re-hashed the password of user {}", account.userId()))
        .onErrorResume(
            failure -> {
              log.warn("Re-hashing the password of user {} failed", account.userId());
              return Mono.empty();
            });
  }
}
