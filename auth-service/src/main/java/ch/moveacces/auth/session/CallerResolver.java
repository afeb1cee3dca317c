package ch.moveacces.auth.session;

import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.platform.token.AccessTokenDecoder;
import ch.moveacces.platform.token.ActiveSessions;
import ch.moveacces.platform.token.AuthenticatedUser;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@link AuthenticatedUser} of a handler from the bearer token, verified in-process by
 * token-verification's decoder and rules over this service's own keys, and from Redis ({@link
 * ActiveSessions}): a token of an ended session is refused at once. A handler parameter of this
 * type makes its endpoint require one. An {@code Optional<AuthenticatedUser>} parameter is empty
 * when the request has no {@code Authorization} header at all; one that is sent must still be
 * valid, so that a bad token is never taken for no token. Redis unreachable or too slow: 503.
 */
class CallerResolver implements HandlerMethodArgumentResolver {

  private static final String BEARER = "Bearer ";

  private final AccessTokenDecoder tokens;
  private final ActiveSessions sessions;

  CallerResolver(AccessTokenDecoder tokens, ActiveSessions sessions) {
    this.tokens = tokens;
    this.sessions = sessions;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.nestedIfOptional().getNestedParameterType() == AuthenticatedUser.class;
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

  private Mono<AuthenticatedUser> caller(ServerWebExchange exchange) {
    Optional<String> token = bearerToken(exchange.getRequest().getHeaders());
    if (token.isEmpty()) {
      return Mono.error(AuthProblems.invalidAccessToken());
    }
    return tokens
        .decode(token.get())
        .map(AuthenticatedUser::from)
        .onErrorMap(JwtException.class, refused -> AuthProblems.invalidAccessToken())
        .flatMap(
            user ->
                sessions
                    .isActive(user.sessionId())
                    .onErrorMap(Sessions::unavailable)
                    .filter(Boolean::booleanValue)
                    .map(active -> user))
        .switchIfEmpty(Mono.error(AuthProblems::invalidAccessToken));
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
