package ch.moveacces.realtime;

import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** auth-service's sessions (ADR 0005): a session is active exactly while its key exists. */
@Component
class Sessions {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final ReactiveStringRedisTemplate redis;

  Sessions(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  Mono<Boolean> isActive(String sessionId) {
    return redis.hasKey("auth:session:" + sessionId).timeout(TIMEOUT);
  }
}
