package ch.moveacces.gateway.redis;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a request waits for Redis (session check, rate limits) before the gateway decides
 * without it; the Lettuce command timeout ({@code spring.data.redis.timeout}) should match.
 */
@Validated
@ConfigurationProperties(RedisCheckProperties.PREFIX)
public record RedisCheckProperties(@NotNull Duration redisTimeout) {

  public static final String PREFIX = "moveacces.gateway";
}
