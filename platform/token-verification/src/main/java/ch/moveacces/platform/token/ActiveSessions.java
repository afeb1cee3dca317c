package ch.moveacces.platform.token;

import java.time.Duration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Whether a session is still active: exactly while auth-service keeps its key {@code
 * auth:session:{sid}} (ADR 0005), which logout, revocation, a password change and refresh-token
 * reuse delete. The one place the key is spelled; auth-service writes it through {@link #key}.
 */
public final class ActiveSessions {

  /** The prefix of every session's key; auth-service's scripts receive it from Java. */
  public static final String KEY_PREFIX = "auth:session:";

  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  public ActiveSessions(ReactiveStringRedisTemplate redis, Duration timeout) {
    this.redis = redis;
    this.timeout = timeout;
  }

  /** The Redis key of a session. */
  public static String key(String sessionId) {
    return KEY_PREFIX + sessionId;
  }

  /**
   * Whether the session is active. Redis's errors, and no answer within the check timeout (as a
   * {@link QueryTimeoutException}), are the caller's to decide on: the gateway lets the request
   * through on the signature alone, auth-service and realtime-service answer 503.
   */
  public Mono<Boolean> isActive(String sessionId) {
    return redis
        .hasKey(key(sessionId))
        .timeout(
            timeout,
            Mono.error(() -> new QueryTimeoutException("No answer from Redis within " + timeout)))
        .defaultIfEmpty(false);
  }
}
