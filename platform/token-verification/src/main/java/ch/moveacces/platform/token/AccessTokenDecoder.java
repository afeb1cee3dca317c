package ch.moveacces.platform.token;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Decodes and verifies a Move Acces access token: signed with ES256 by a key of the set, named by
 * its {@code kid} (never {@code none}, never HMAC), and the claims' {@link AccessTokenRules}. The
 * keys are auth-service's JWK set fetched over HTTP (every service and the gateway), or its own
 * keys in-process ({@link #overLocalKeys}, auth-service): the same rules either way. Invalid tokens
 * fail with a {@code JwtException} (401 in a security chain); unreachable keys with {@link
 * KeysUnavailableException} (503). A token verified lately is not verified again ({@link
 * VerifiedTokens}); its claims are.
 */
public final class AccessTokenDecoder implements ReactiveJwtDecoder {

  private final NimbusReactiveJwtDecoder nimbus;
  private final OAuth2TokenValidator<Jwt> rules;
  private final VerifiedTokens verified;

  AccessTokenDecoder(
      TokenKeys keys, TokenProperties properties, Clock clock, VerifiedTokens verified) {
    this.rules =
        AccessTokenRules.of(
            properties.issuer(), properties.audience(), properties.clockSkew(), clock);
    this.verified = verified;
    this.nimbus =
        NimbusReactiveJwtDecoder.withJwkSource(token -> keys.keysFor(token.getHeader()))
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .validateType(false)
            .jwtProcessorCustomizer(
                processor -> processor.setJWTClaimsSetVerifier(AccessTokenRules.requiredClaims()))
            .build();
    this.nimbus.setJwtValidator(rules);
  }

  /**
   * A decoder over keys held in-process, for auth-service, which signs with them: only their public
   * parts are used, with the rules of {@code properties} ({@code moveacces.tokens.*}).
   */
  public static AccessTokenDecoder overLocalKeys(
      JWKSet keys, TokenProperties properties, Clock clock) {
    return new AccessTokenDecoder(
        TokenKeys.of(keys),
        properties,
        clock,
        new VerifiedTokens(
            properties.verifiedTokens(), properties.jwkSetTtl(), Ticker.systemTicker()));
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = verified.get(token);
    if (known != null) {
      return stillValid(known);
    }
    return nimbus
        .decode(token)
        .doOnNext(jwt -> verified.remember(token, jwt))
        .onErrorMap(IllegalStateException.class, KeysUnavailableException::new);
  }

  private Mono<Jwt> stillValid(Jwt jwt) {
    OAuth2TokenValidatorResult result = rules.validate(jwt);
    if (result.hasErrors()) {
      return Mono.error(
          new JwtValidationException("The token is no longer valid", result.getErrors()));
    }
    return Mono.just(jwt);
  }
}
