package ch.moveacces.gateway.security;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The access-token rules of ADR 0005, for as long as no shared decoder bean is present: the JWK set
 * of auth-service (cached, fetched again for an unknown {@code kid}), ES256 only, issuer, audience,
 * expiry and not-before with at most 30 s of clock skew, and a session id to check.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  static final String SESSION_ID = "sid";

  @Bean
  @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
  ReactiveJwtDecoder accessTokenDecoder(TokenProperties tokens) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(tokens.jwksUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
    JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
    timestamps.setAllowEmptyExpiryClaim(false);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            timestamps,
            new JwtIssuerValidator(tokens.issuer()),
            new JwtAudienceValidator(tokens.audience()),
            new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub != null),
            new JwtClaimValidator<Object>(SESSION_ID, sid -> sid != null)));
    return decoder;
  }
}
