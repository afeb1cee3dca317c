package ch.moveacces.gateway.security;

import ch.moveacces.gateway.redis.RedisCheckProperties;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a session is still active: exactly while auth-service keeps its key {@code
 * auth:session:{sid}} (ADR 0005). Logout and revocation delete the key, so a revoked session's
 * tokens are refused at once although they have not expired.
 */
@Component
class Sessions {

  static final String KEY_PREFIX = "auth:session:";
  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  Sessions(ReactiveStringRedisTemplate redis, RedisCheckProperties properties) {
    this.redis = redis;
    this.timeout = properties.redisTimeout();
  }

  /** Errors (Redis down, no answer within the timeout) are the caller's to decide on. */
  Mono<Boolean> isActive(String sessionId) {
    return redis.hasKey(KEY_PREFIX + sessionId).timeout(timeout).defaultIfEmpty(false);
  }
}
