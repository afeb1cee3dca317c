package ch.moveacces.auth.login;

import ch.moveacces.auth.account.Accounts;
import ch.moveacces.auth.account.Emails;
import ch.moveacces.auth.account.StoredCredentials;
import ch.moveacces.auth.password.PasswordHashing;
import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.auth.session.SessionStart;
import ch.moveacces.auth.session.Sessions;
import java.util.Optional;
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

  SignIn(Accounts accounts, PasswordHashing hashing, Sessions sessions, SessionTokens tokens) {
    this.accounts = accounts;
    this.hashing = hashing;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  Mono<TokenResponse> signIn(String rawEmail, String password, String userAgent, String ip) {
    String email = Emails.normalise(rawEmail);
    return accounts
        .findByEmail(email)
        .flatMap(
            account ->
                hashing
                    .verify(account.passwordHash(), password)
                    .map(ok -> ok ? Optional.of(account) : Optional.<StoredCredentials>empty()))
        .switchIfEmpty(
            Mono.defer(() -> hashing.verifyDummy(password).map(ignored -> Optional.empty())))
        .flatMap(
            verified ->
                verified
                    .map(account -> rehashIfNeeded(account, password).thenReturn(account))
                    .orElseGet(() -> Mono.error(AuthProblems.invalidCredentials())))
        .flatMap(account -> start(account, userAgent, ip));
  }

  private Mono<TokenResponse> start(StoredCredentials account, String userAgent, String ip) {
    String sessionId = Sessions.newSessionId();
    return tokens
        .issue(account.userId(), account.email(), sessionId)
        .flatMap(
            pair ->
                sessions
                    .start(
                        sessionId,
                        pair.refreshToken(),
                        new SessionStart(account.userId(), account.email(), userAgent, ip))
                    .thenReturn(tokens.response(pair, sessionId)));
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
