package ch.moveacces.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How many requests each policy allows within its window, per client address, email or user. */
@Validated
@ConfigurationProperties(RateLimitProperties.PREFIX)
public record RateLimitProperties(
    @NotNull @Valid Limit loginIp,
    @NotNull @Valid Limit loginEmail,
    @NotNull @Valid Limit register,
    @NotNull @Valid Limit refresh,
    @NotNull @Valid Limit api) {

  public static final String PREFIX = "moveacces.gateway.rate-limits";

  /** {@code requests} within any {@code window} (a sliding window, not a calendar one). */
  public record Limit(@Positive int requests, @NotNull Duration window) {}
}
