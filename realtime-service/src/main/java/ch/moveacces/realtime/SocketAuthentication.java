package ch.moveacces.realtime;

import ch.moveacces.platform.token.AuthenticatedUser;
import ch.moveacces.platform.token.KeysUnavailableException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.publisher.Mono;

/**
 * Who opens a socket, from exactly one of: {@code ?ticket=} (from {@code POST /realtime/ticket},
 * redeemed once), {@code ?token=} (an access token, for older clients) or an {@code Authorization:
 * Bearer} header. Tokens are verified by token-verification's rules, which require a session.
 * Neither value is ever logged.
 */
@Component
class SocketAuthentication {

  private static final Logger log = LoggerFactory.getLogger(SocketAuthentication.class);

  private static final String BEARER = "Bearer ";

  private final Tickets tickets;
  private final ReactiveJwtDecoder decoder;

  SocketAuthentication(Tickets tickets, ReactiveJwtDecoder decoder) {
    this.tickets = tickets;
    this.decoder = decoder;
  }

  /** The grant of the handshake; empty when none is valid. */
  Mono<Grant> authenticate(HandshakeInfo handshake) {
    // the query's values, moved to headers before the request was logged (CredentialsOffTheUrl)
    List<String> tickets = handshake.getHeaders().get(CredentialsOffTheUrl.TICKET_HEADER);
    List<String> tokens = handshake.getHeaders().get(CredentialsOffTheUrl.TOKEN_HEADER);
    if (tickets != null && tokens != null) {
      return Mono.empty();
    }
    if (tickets != null) {
      String ticket = single(tickets);
      return ticket == null ? Mono.empty() : this.tickets.redeem(ticket);
    }
    if (tokens != null) {
      String token = single(tokens);
      return token == null ? Mono.empty() : verify(token);
    }
    String authorization = handshake.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return verify(authorization.substring(BEARER.length()).trim());
    }
    return Mono.empty();
  }

  /** The grant of an access token; empty when it is not valid or names no session. */
  Mono<Grant> verify(String token) {
    return decoder
        .decode(token)
        .mapNotNull(SocketAuthentication::grant)
        .onErrorResume(
            JwtException.class,
            e -> {
              // the decoder's messages name the failed rule, never the token
              log.debug("Socket access token refused: {}", e.getMessage());
              return Mono.empty();
            })
        .onErrorMap(
            KeysUnavailableException.class,
            e -> new Connections.Refusal(CloseCodes.TRY_AGAIN_LATER));
  }

  private static @Nullable Grant grant(Jwt token) {
    // the decoder's rules guarantee a user id, a session and an expiry
    AuthenticatedUser user = AuthenticatedUser.from(token);
    Instant expiresAt = token.getExpiresAt();
    return expiresAt == null
        ? null
        : new Grant(user.userId().toString(), user.sessionId(), expiresAt);
  }

  private static @Nullable String single(@Nullable List<String> values) {
    return values == null || values.size() != 1 || values.getFirst().isEmpty()
        ? null
        : values.getFirst();
  }
}
