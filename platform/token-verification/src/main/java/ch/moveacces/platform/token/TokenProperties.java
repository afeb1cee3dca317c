package ch.moveacces.platform.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How access tokens are verified; see ADR 0005.
 *
 * @param jwkSetUri auth-service's public keys ({@code AUTH_JWKS_URI})
 * @param issuer the only accepted {@code iss}
 * @param audience a value {@code aud} must contain
 * @param clockSkew tolerance on {@code exp} and {@code nbf}, at most 30 s
 * @param jwkSetTtl how long fetched keys are used before being fetched again
 * @param jwkSetRefetchCooldown the least time between two fetches caused by an unknown {@code kid},
 *     so that forged key ids cannot make this service hammer auth-service
 * @param jwkSetTimeout how long a fetch of the keys may take
 * @param publicPaths path patterns the default security chain lets through without a token
 * @param verifiedTokens how many tokens whose signature was verified are remembered, so that the
 *     next requests with the same token skip the signature check (0: none)
 */
@ConfigurationProperties(TokenProperties.PREFIX)
@Validated
public record TokenProperties(
    @NotNull @DefaultValue(DEFAULT_JWK_SET_URI) URI jwkSetUri,
    @NotBlank @DefaultValue("moveacces-auth") String issuer,
    @NotBlank @DefaultValue("moveacces-api") String audience,
    @NotNull @DurationMin(seconds = 0) @DurationMax(seconds = 30) @DefaultValue("30s")
        Duration clockSkew,
    @NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration jwkSetTtl,
    @NotNull @DurationMin(seconds = 0) @DefaultValue("10s") Duration jwkSetRefetchCooldown,
    @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration jwkSetTimeout,
    @NotNull @DefaultValue List<String> publicPaths,
    @PositiveOrZero @DefaultValue("2000") long verifiedTokens) {

  public static final String PREFIX = "moveacces.tokens";
  public static final String DEFAULT_JWK_SET_URI = "http://127.0.0.1:8081/.well-known/jwks.json";
}
