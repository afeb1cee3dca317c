package ch.moveacces.platform.defaults.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisReconnectAutoConfigurationTest {

  @Test
  void triesAgainWithinTwoSecondsEvenAfterALongOutage() {
    ClientResources.Builder builder = ClientResources.builder();
    new RedisReconnectAutoConfiguration().redisReconnectDelay().customize(builder);
    ClientResources resources = builder.build();
    try {
      Delay delay = resources.reconnectDelay();
      assertThat(delay.createDelay(1)).isLessThan(Duration.ofMillis(500));
      for (long attempt = 10; attempt <= 1000; attempt *= 10) {
        assertThat(delay.createDelay(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(2));
      }
    } finally {
      resources.shutdown();
    }
  }

  @Test
  void lettucesOwnDefaultWouldWaitHalfAMinute() {
    ClientResources resources = ClientResources.create();
    try {
      assertThat(resources.reconnectDelay().createDelay(20)).isEqualTo(Duration.ofSeconds(30));
    } finally {
      resources.shutdown();
    }
  }
}
