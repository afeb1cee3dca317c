package ch.moveacces.auth.login;

import ch.moveacces.auth.roles.Roles;
import ch.moveacces.auth.session.IssuedPair;
import ch.moveacces.auth.session.Sessions;
import ch.moveacces.auth.token.AccessTokenClaims;
import ch.moveacces.auth.token.AccessTokens;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Issues the pair of a session: an access token with the user's current roles, a refresh token. */
@Component
class SessionTokens {

  private final AccessTokens accessTokens;
  private final Roles roles;
  private final Sessions sessions;

  SessionTokens(AccessTokens accessTokens, Roles roles, Sessions sessions) {
    this.accessTokens = accessTokens;
    this.roles = roles;
    this.sessions = sessions;
  }

  Mono<IssuedPair> issue(long userId, String email, String sessionId) {
    return roles
        .of(userId)
        .map(
            current ->
                new IssuedPair(
                    accessTokens.issue(new AccessTokenClaims(userId, email, current, sessionId)),
                    Sessions.newRefreshToken()));
  }

  TokenResponse response(IssuedPair pair, String sessionId) {
    return new TokenResponse(
        pair.accessToken(),
        pair.refreshToken(),
        "Bearer",
        accessTokens.ttl().toSeconds(),
        sessions.refreshTtlSeconds(),
        sessionId);
  }
}
