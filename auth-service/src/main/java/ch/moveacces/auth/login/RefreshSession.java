package ch.moveacces.auth.login;

import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.auth.session.Sessions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Trades a refresh token for a new pair; the session rules are in {@link Sessions#rotate}. */
@Service
class RefreshSession {

  private final Sessions sessions;
  private final SessionTokens tokens;

  RefreshSession(Sessions sessions, SessionTokens tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  Mono<TokenResponse> refresh(String refreshToken) {
    return sessions
        .ownerOf(refreshToken)
        .switchIfEmpty(Mono.error(AuthProblems::invalidRefreshToken))
        .flatMap(
            owner ->
                tokens
                    .issue(owner.userId(), owner.email(), owner.sessionId())
                    .flatMap(next -> sessions.rotate(owner, refreshToken, next))
                    .map(pair -> tokens.response(pair, owner.sessionId())));
  }
}
