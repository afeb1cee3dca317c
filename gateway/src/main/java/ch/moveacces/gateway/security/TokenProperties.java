package ch.moveacces.gateway.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the signing keys are published and what every access token must say (ADR 0005). */
@Validated
@ConfigurationProperties(TokenProperties.PREFIX)
record TokenProperties(@NotNull URI jwksUri, @NotBlank String issuer, @NotBlank String audience) {

  static final String PREFIX = "moveacces.tokens";
}
