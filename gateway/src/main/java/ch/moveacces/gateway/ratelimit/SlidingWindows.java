package ch.moveacces.gateway.ratelimit;

import ch.moveacces.gateway.redis.RedisCheckProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Counts a request against a policy's window in Redis, in one atomic script. */
@Component
class SlidingWindows {

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> SCRIPT =
      RedisScript.of(new ClassPathResource("ratelimit/sliding-window.lua"), List.class);

  private final ReactiveStringRedisTemplate redis;
  private final Duration timeout;

  SlidingWindows(ReactiveStringRedisTemplate redis, RedisCheckProperties properties) {
    this.redis = redis;
    this.timeout = properties.redisTimeout();
  }

  /** Errors (Redis down, no answer within the timeout) are the caller's to decide on. */
  Mono<Verdict> count(Policy policy) {
    return redis
        .execute(
            SCRIPT,
            List.of(policy.redisKey()),
            List.of(
                String.valueOf(policy.limit().window().toMillis()),
                String.valueOf(policy.limit().requests()),
                UUID.randomUUID().toString()))
        .next()
        .timeout(timeout)
        .map(SlidingWindows::verdict);
  }

  private static Verdict verdict(List<?> reply) {
    return new Verdict(
        number(reply.get(0)) == 1, Math.max(0, number(reply.get(1))), number(reply.get(2)));
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
  }
}
