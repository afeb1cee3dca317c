package ch.moveacces.platform.defaults.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Lettuce retries a lost Redis connection with an exponential delay that grows to 30 s, so after an
 * outage of a minute an application could ignore a recovered Redis for half a minute more: sessions
 * unchecked, logins refused. The delay here grows from 100 ms to at most {@link #MAX_DELAY}.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ClientResources.class, ClientResourcesBuilderCustomizer.class})
public class RedisReconnectAutoConfiguration {

  static final Duration MAX_DELAY = Duration.ofSeconds(2);

  @Bean
  ClientResourcesBuilderCustomizer redisReconnectDelay() {
    return builder ->
        builder.reconnectDelay(
            Delay.exponential(Duration.ofMillis(100), MAX_DELAY, 2, TimeUnit.MILLISECONDS));
  }
}
