package ch.moveacces.gateway.redis;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens the shared Redis connection at start-up, so that the first requests do not pay for the
 * connection within their 100 ms budget (and fail open for no reason). Redis being down at start is
 * no reason not to start: the checks fail open or answer 503 until it is back.
 */
@Component
class RedisWarmUp {

  private static final Logger log = LoggerFactory.getLogger(RedisWarmUp.class);
  private static final Duration WAIT = Duration.ofSeconds(3);

  private final ReactiveStringRedisTemplate redis;

  RedisWarmUp(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  @EventListener(ApplicationReadyEvent.class)
  void connect() {
    try {
      redis.hasKey("gateway:warm-up").retry(3).block(WAIT);
    } catch (RuntimeException e) {
      log.warn("Redis not reachable at start-up: {}", e.getClass().getSimpleName());
    }
  }
}
