package ch.moveacces.platform.token;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Who sent a request, as its verified access token says.
 *
 * @param userId the {@code sub} claim, the user's id in {@code users.user_id}
 * @param email the {@code email} claim
 * @param roles the {@code roles} claim, e.g. {@code USER}, {@code AUDITOR}
 * @param sessionId the {@code sid} claim, the session the token belongs to
 */
public record AuthenticatedUser(
    String userId, @Nullable String email, Set<String> roles, @Nullable String sessionId) {

  public AuthenticatedUser {
    roles = Set.copyOf(roles);
  }

  public static AuthenticatedUser from(Jwt token) {
    List<String> roles = token.getClaimAsStringList(TokenClaims.ROLES);
    return new AuthenticatedUser(
        token.getSubject(),
        token.getClaimAsString(TokenClaims.EMAIL),
        roles == null ? Set.of() : Set.copyOf(roles),
        token.getClaimAsString(TokenClaims.SESSION_ID));
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

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
