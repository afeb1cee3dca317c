package ch.moveacces.platform.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who sent a request, as its verified access token says: the one type for it in every service and
 * the gateway.
 *
 * @param userId the {@code sub} claim, the user's id in {@code users.user_id}
 * @param email the {@code email} claim; a token need not carry it
 * @param roles the {@code roles} claim, e.g. {@code USER}, {@code AUDITOR}
 * @param sessionId the {@code sid} claim, the session the token belongs to
 * @param authenticationMethods the {@code amr} claim, empty until two-factor sign-in writes it
 * @param authTime the {@code auth_time} claim, absent until two-factor sign-in writes it
 */
public record AuthenticatedUser(
    UserId userId,
    @Nullable String email,
    Set<String> roles,
    String sessionId,
    List<String> authenticationMethods,
    @Nullable Instant authTime) {

  /** The exchange attribute under which a filter that verified the token keeps its user. */
  public static final String ATTRIBUTE = AuthenticatedUser.class.getName();

  public AuthenticatedUser {
    roles = Set.copyOf(roles);
    authenticationMethods = List.copyOf(authenticationMethods);
  }

  /**
   * The user of a token verified by {@link AccessTokenDecoder}, whose rules guarantee a user id and
   * a session id; fails on a token without them.
   */
  public static AuthenticatedUser from(Jwt token) {
    String sessionId = token.getClaimAsString(TokenClaims.SESSION_ID);
    if (sessionId == null || sessionId.isBlank()) {
      throw new IllegalArgumentException("The token names no session");
    }
    return new AuthenticatedUser(
        UserId.parse(String.valueOf(token.getSubject())),
        token.getClaimAsString(TokenClaims.EMAIL),
        Set.copyOf(orEmpty(token.getClaimAsStringList(TokenClaims.ROLES))),
        sessionId,
        orEmpty(token.getClaimAsStringList(TokenClaims.AUTHENTICATION_METHODS)),
        token.getClaimAsInstant(TokenClaims.AUTH_TIME));
  }

  /** The user of an authentication made from an access token. */
  public static AuthenticatedUser from(Authentication authentication) {
    if (authentication.getPrincipal() instanceof Jwt token) {
      return from(token);
    }
    throw new IllegalArgumentException("Not an access token authentication");
  }

  /** The user of the current request; empty where no access token was verified. */
  public static Mono<AuthenticatedUser> current() {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(SecurityContext::getAuthentication)
        .filter(authentication -> authentication.getPrincipal() instanceof Jwt)
        .map(AuthenticatedUser::from);
  }

  /** The user a filter verified for this exchange ({@link #ATTRIBUTE}); empty if none did. */
  public static Optional<AuthenticatedUser> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  /** Keeps this user in the exchange for the filters and handlers after the token check. */
  public void putInto(ServerWebExchange exchange) {
    exchange.getAttributes().put(ATTRIBUTE, this);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  private static List<String> orEmpty(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }
}
