package ch.moveacces.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the access tokens this service issues live. What they are checked against (issuer,
 * audience, clock skew) is token-verification's {@code moveacces.tokens.*}, shared by every
 * verifier.
 */
@ConfigurationProperties("moveacces.tokens")
public record AccessTokenLifetime(@DefaultValue("15m") Duration accessTokenTtl) {}
