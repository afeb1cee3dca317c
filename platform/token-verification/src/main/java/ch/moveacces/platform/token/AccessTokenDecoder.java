package ch.moveacces.platform.token;

import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Decodes and verifies a Move Acces access token: signed with ES256 by a key of the JWK set (never
 * {@code none}, never HMAC), {@code iss} and {@code aud} as configured, {@code exp} present and
 * {@code exp}/{@code nbf} within the clock skew, {@code sub} present. Invalid tokens fail with a
 * {@code JwtException} (401 in a security chain); unreachable keys with {@link
 * KeysUnavailableException} (503). A token verified lately is not verified again ({@link
 * VerifiedTokens}); its claims are.
 */
public final class AccessTokenDecoder implements ReactiveJwtDecoder {

  private final NimbusReactiveJwtDecoder nimbus;
  private final OAuth2TokenValidator<Jwt> validator;
  private final VerifiedTokens verified;

  AccessTokenDecoder(
      JwkSetCache keys, TokenProperties properties, Clock clock, VerifiedTokens verified) {
    this.validator = validator(properties, clock);
    this.verified = verified;
    this.nimbus =
        NimbusReactiveJwtDecoder.withJwkSource(token -> keys.keysFor(token.getHeader()))
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .validateType(false)
            .build();
    this.nimbus.setJwtValidator(validator);
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
    OAuth2TokenValidatorResult result = validator.validate(jwt);
    if (result.hasErrors()) {
      return Mono.error(
          new JwtValidationException("The token is no longer valid", result.getErrors()));
    }
    return Mono.just(jwt);
  }

  private static OAuth2TokenValidator<Jwt> validator(TokenProperties properties, Clock clock) {
    JwtTimestampValidator time = new JwtTimestampValidator(properties.clockSkew());
    time.setClock(clock);
    time.setAllowEmptyExpiryClaim(false);
    return new DelegatingOAuth2TokenValidator<>(
        List.of(
            time,
            new JwtIssuerValidator(properties.issuer()),
            new JwtAudienceValidator(properties.audience()),
            new JwtClaimValidator<String>(
                JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
  }
}
