package ch.moveacces.auth.session;

import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.auth.token.AccessTokenClaims;
import ch.moveacces.auth.token.AccessTokens;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves {@link Caller} from the bearer token, verified in-process against this service's own
 * keys by the rules every verifier applies (ES256 only, issuer, audience, expiry), and from Redis:
 * a token of an ended session is refused at once. An {@code Optional<Caller>} parameter is empty
 * when the request has no {@code Authorization} header at all; one that is sent must still be
 * valid, so that a bad token is never taken for no token.
 */
class CallerResolver implements HandlerMethodArgumentResolver {

  private static final String BEARER = "Bearer ";

  private final AccessTokens tokens;
  private final Sessions sessions;

  CallerResolver(AccessTokens tokens, Sessions sessions) {
    this.tokens = tokens;
    this.sessions = sessions;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.nestedIfOptional().getNestedParameterType() == Caller.class;
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    if (parameter.getParameterType() == Optional.class) {
      return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
          ? caller(exchange).map(Optional::of)
          : Mono.just(Optional.empty());
    }
    return caller(exchange).cast(Object.class);
  }

  private Mono<Caller> caller(ServerWebExchange exchange) {
    Optional<AccessTokenClaims> claims =
        bearerToken(exchange.getRequest().getHeaders()).flatMap(tokens::verify);
    if (claims.isEmpty()) {
      return Mono.error(AuthProblems.invalidAccessToken());
    }
    AccessTokenClaims verified = claims.get();
    return sessions
        .isActive(verified.sessionId(), verified.userId())
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(AuthProblems::invalidAccessToken))
        .map(
            active ->
                new Caller(
                    verified.userId(), verified.email(), verified.roles(), verified.sessionId()));
  }

  private static Optional<String> bearerToken(HttpHeaders headers) {
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(BEARER.length()).strip());
  }
}
