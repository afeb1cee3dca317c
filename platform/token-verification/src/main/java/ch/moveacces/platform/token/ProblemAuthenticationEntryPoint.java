package ch.moveacces.platform.token;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 {@code unauthorized} problem with {@code WWW-Authenticate: Bearer} (RFC 6750). Why a token
 * was refused stays in the server: a client learns only that it must authenticate again.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

  private final ProblemWriter writer;

  ProblemAuthenticationEntryPoint(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    boolean tokenSent = failure instanceof OAuth2AuthenticationException;
    return writer.write(
        exchange,
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        tokenSent
            ? "The access token is invalid or expired."
            : "An access token is required to access this resource.",
        tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
  }
}
