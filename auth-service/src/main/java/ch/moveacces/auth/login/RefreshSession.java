package ch.moveacces.auth.login;

import ch.moveacces.auth.event.IdentityEvents;
import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.auth.session.Rotation;
import ch.moveacces.auth.session.SessionOwner;
import ch.moveacces.auth.session.Sessions;
import ch.moveacces.platform.events.Client;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Trades a refresh token for a new pair; the session rules are in {@link Sessions#rotate}. A
 * rotation and a detected reuse are reported once Redis has made them; a repeated answer within the
 * grace window changed nothing and is not.
 */
@Service
class RefreshSession {

  private final Sessions sessions;
  private final SessionTokens tokens;
  private final IdentityEvents events;
  private final Counter reuses;

  RefreshSession(
      Sessions sessions, SessionTokens tokens, IdentityEvents events, MeterRegistry meters) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.events = events;
    this.reuses =
        Counter.builder("auth.refresh.token.reuse")
            .description(
                "Rotated refresh tokens presented after the grace window (session revoked)")
            .register(meters);
  }

  Mono<TokenResponse> refresh(String refreshToken, Client client) {
    return sessions
        .ownerOf(refreshToken)
        .switchIfEmpty(Mono.error(AuthProblems::invalidRefreshToken))
        .flatMap(
            owner ->
                tokens
                    .issue(owner.userId(), owner.email(), owner.sessionId())
                    .flatMap(next -> sessions.rotate(owner, refreshToken, next))
                    .flatMap(rotation -> answer(owner, rotation, client)));
  }

  private Mono<TokenResponse> answer(SessionOwner owner, Rotation rotation, Client client) {
    return switch (rotation) {
      case Rotation.Rotated rotated ->
          events
              .refreshTokenRotated(owner.userId(), owner.sessionId(), client)
              .thenReturn(tokens.response(rotated.pair(), owner.sessionId()));
      case Rotation.Repeated repeated ->
          Mono.just(tokens.response(repeated.pair(), owner.sessionId()));
      case Rotation.Reused reused ->
          Mono.fromRunnable(reuses::increment)
              .then(events.refreshTokenReused(owner.userId(), owner.sessionId(), client))
              .then(Mono.error(AuthProblems.invalidRefreshToken()));
    };
  }
}
