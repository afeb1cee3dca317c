package ch.moveacces.platform.token;

import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Decodes and verifies a Move Acces access token: signed with ES256 by a key of the JWK set (never
 * {@code none}, never HMAC), {@code iss} and {@code aud} as configured, {@code exp} present and
 * {@code exp}/{@code nbf} within the clock skew, {@code sub} present. Invalid tokens fail with a
 * {@code JwtException} (401 in a security chain); unreachable keys with {@link
 * KeysUnavailableException} (503).
 */
public final class AccessTokenDecoder implements ReactiveJwtDecoder {

  private final NimbusReactiveJwtDecoder nimbus;

  AccessTokenDecoder(JwkSetCache keys, TokenProperties properties, Clock clock) {
    this.nimbus =
        NimbusReactiveJwtDecoder.withJwkSource(token -> keys.keysFor(token.getHeader()))
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .validateType(false)
            .build();
    this.nimbus.setJwtValidator(validator(properties, clock));
  }

  @Override
  public Mono<Jwt> decode(String token) {
    return nimbus
        .decode(token)
        .onErrorMap(IllegalStateException.class, KeysUnavailableException::new);
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
