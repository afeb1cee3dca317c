package ch.moveacces.platform.token;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claims' rules every verifier applies, auth-service included (ADR 0005): {@code iss} as
 * configured, {@code aud} containing the audience, {@code exp}/{@code nbf} within the clock skew,
 * and every claim of {@link TokenClaims#REQUIRED} present, {@code sub} a {@link UserId} and {@code
 * sid} not blank. The signature's rules (ES256, a key of the set) are {@link AccessTokenDecoder}'s.
 * Presence is checked on the token as signed ({@link #requiredClaims()}), because Spring's {@link
 * Jwt} fills in an {@code iat} that a token lacks.
 */
final class AccessTokenRules {

  private AccessTokenRules() {}

  static OAuth2TokenValidator<Jwt> of(
      String issuer, String audience, Duration clockSkew, Clock clock) {
    JwtTimestampValidator time = new JwtTimestampValidator(clockSkew);
    time.setClock(clock);
    time.setAllowEmptyExpiryClaim(false);
    return new DelegatingOAuth2TokenValidator<>(
        List.of(
            time,
            new JwtIssuerValidator(issuer),
            new JwtAudienceValidator(audience),
            AccessTokenRules::userAndSession));
  }

  /** Every claim of {@link TokenClaims#REQUIRED} present in the token as signed. */
  static <C extends SecurityContext> JWTClaimsSetVerifier<C> requiredClaims() {
    return (claims, context) -> {
      for (String claim : TokenClaims.REQUIRED) {
        if (claims.getClaim(claim) == null) {
          throw new BadJWTException("The " + claim + " claim is missing");
        }
      }
    };
  }

  private static OAuth2TokenValidatorResult userAndSession(Jwt token) {
    List<OAuth2Error> errors = new ArrayList<>();
    String subject = token.getSubject();
    if (subject != null && !UserId.isValid(subject)) {
      errors.add(invalid("The sub claim is not a user id"));
    }
    Object sessionId = token.getClaims().get(TokenClaims.SESSION_ID);
    if (sessionId != null && (!(sessionId instanceof String sid) || sid.isBlank())) {
      errors.add(invalid("The sid claim is not a session id"));
    }
    return errors.isEmpty()
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(errors);
  }

  private static OAuth2Error invalid(String description) {
    return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
  }
}
