package ch.moveacces.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** What every verifier checks (ADR 0005): the issuer and the audience; and how long tokens live. */
@ConfigurationProperties("moveacces.tokens")
public record TokenProperties(
    @DefaultValue("moveacces-auth") String issuer,
    @DefaultValue("moveacces-api") String audience,
    @DefaultValue("15m") Duration accessTokenTtl) {}
