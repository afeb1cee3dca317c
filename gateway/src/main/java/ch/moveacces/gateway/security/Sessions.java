package ch.moveacces.gateway.security;

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
  static final Duration TIMEOUT = Duration.ofMillis(100);

  private final ReactiveStringRedisTemplate redis;

  Sessions(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Errors (Redis down, no answer within the timeout) are the caller's to decide on. */
  Mono<Boolean> isActive(String sessionId) {
    return redis.hasKey(KEY_PREFIX + sessionId).timeout(TIMEOUT).defaultIfEmpty(false);
  }
}
