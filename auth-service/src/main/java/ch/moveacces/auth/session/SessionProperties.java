package ch.moveacces.auth.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sessions and refresh tokens: a refresh token (and its session, unless used) lives {@code
 * refreshTtl}; a rotated one still returns the same new pair for {@code refreshGrace}.
 */
@ConfigurationProperties("moveacces.auth")
public record SessionProperties(
    @DefaultValue("24h") Duration refreshTtl, @DefaultValue("20s") Duration refreshGrace) {}
