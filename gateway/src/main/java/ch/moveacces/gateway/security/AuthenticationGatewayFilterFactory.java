package ch.moveacces.gateway.security;

import ch.moveacces.gateway.redis.RedisFailOpen;
import ch.moveacces.platform.token.ActiveSessions;
import ch.moveacces.platform.token.AuthenticatedUser;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every routed request but the public endpoints needs a valid access token of an active session;
 * otherwise 401 with {@code WWW-Authenticate: Bearer}. On the token-optional endpoints (logout,
 * which the web app may call with its refresh cookie alone) a request without {@code Authorization}
 * passes, one with it is checked as anywhere else. The token travels on to the service unchanged,
 * which verifies it again by the same rules. When Redis cannot say whether the session is active,
 * the request passes on the signature alone (counted): a Redis outage must not take the whole API
 * down, and a token lives 15 minutes at most.
 */
@Component
public class AuthenticationGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final int ORDER = -400;

  private static final Logger log =
      LoggerFactory.getLogger(AuthenticationGatewayFilterFactory.class);
  static final String BEARER = "Bearer ";

  private final ReactiveJwtDecoder decoder;
  private final ActiveSessions sessions;
  private final RedisFailOpen failOpen;
  private final Endpoints publicEndpoints;
  private final Endpoints tokenOptionalEndpoints;

  public AuthenticationGatewayFilterFactory(
      ReactiveJwtDecoder decoder,
      ActiveSessions sessions,
      RedisFailOpen failOpen,
      PublicEndpointsProperties properties) {
    super(Object.class);
    this.decoder = decoder;
    this.sessions = sessions;
    this.failOpen = failOpen;
    this.publicEndpoints = new Endpoints(properties.publicEndpoints());
    this.tokenOptionalEndpoints = new Endpoints(properties.tokenOptionalEndpoints());
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(
        (exchange, chain) -> {
          List<String> authorization =
              exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
          if (publicEndpoints.matches(exchange.getRequest())
              || (authorization.isEmpty()
                  && tokenOptionalEndpoints.matches(exchange.getRequest()))) {
            return chain.filter(exchange);
          }
          if (authorization.size() != 1 || !startsWithBearer(authorization.getFirst())) {
            return Mono.error(unauthorized("An access token is required.", false));
          }
          String token = authorization.getFirst().substring(BEARER.length()).trim();
          return decoder
              .decode(token)
              .onErrorMap(
                  JwtException.class,
                  e -> {
                    // Nimbus's and the validators' messages name the failed rule, never the token.
                    log.debug("access token refused: {}", e.getMessage());
                    return unauthorized("The access token is not valid.", true);
                  })
              .map(AuthenticatedUser::from)
              .flatMap(user -> activeSession(exchange, user))
              .flatMap(
                  user -> {
                    user.putInto(exchange);
                    return chain.filter(exchange);
                  });
        },
        ORDER);
  }

  private Mono<AuthenticatedUser> activeSession(
      ServerWebExchange exchange, AuthenticatedUser user) {
    return sessions
        .isActive(user.sessionId())
        .onErrorResume(
            e -> {
              failOpen.failed(exchange, "session", e);
              failOpen.passed("session");
              return Mono.just(true);
            })
        .flatMap(
            active ->
                active
                    ? Mono.just(user)
                    : Mono.error(unauthorized("The session has ended; log in again.", true)));
  }

  private static boolean startsWithBearer(String value) {
    return value.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  static ErrorResponseException unauthorized(String detail, boolean invalidToken) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    error
        .getHeaders()
        .set(
            HttpHeaders.WWW_AUTHENTICATE,
            invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
    return error;
  }
}
