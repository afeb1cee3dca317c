package ch.moveacces.auth.session;

import ch.moveacces.auth.problem.AuthProblems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sessions and their refresh tokens in Redis (ADR 0005). A session is active exactly while its key
 * ({@link SessionKeys#session}) exists; every change that must not interleave runs as one Lua
 * script.
 */
@Repository
public class Sessions {

  private static final Logger log = LoggerFactory.getLogger(Sessions.class);
  private static final RedisScript<Long> CREATE = script("create.lua", Long.class);
  private static final RedisScript<String> ROTATE = script("rotate.lua", String.class);
  private static final RedisScript<Long> REVOKE = script("revoke.lua", Long.class);
  private static final RedisScript<Long> REVOKE_ALL = script("revoke-all.lua", Long.class);
  private static final String GRACE = "grace:";

  private final ReactiveStringRedisTemplate redis;
  private final SessionProperties properties;
  private final Clock clock;

  public Sessions(ReactiveStringRedisTemplate redis, SessionProperties properties, Clock clock) {
    this.redis = redis;
    this.properties = properties;
    this.clock = clock;
  }

  public static String newSessionId() {
    return UUID.randomUUID().toString();
  }

  public static String newRefreshToken() {
    return RefreshTokens.generate();
  }

  public long refreshTtlSeconds() {
    return properties.refreshTtl().toSeconds();
  }

  public Mono<Void> start(String sessionId, String refreshToken, SessionStart start) {
    return redis
        .execute(
            CREATE,
            List.of(
                SessionKeys.session(sessionId),
                SessionKeys.userSessions(start.userId()),
                SessionKeys.refresh(RefreshTokens.hash(refreshToken))),
            List.of(
                ttlMillis(),
                sessionId,
                String.valueOf(start.userId()),
                start.email(),
                nowMillis(),
                orEmpty(start.client().userAgent()),
                orEmpty(start.client().ip()),
                RefreshTokens.hash(refreshToken)))
        .then()
        .onErrorMap(Sessions::unavailable);
  }

  /** The active session a refresh token (current or rotated) belongs to; empty if none. */
  public Mono<SessionOwner> ownerOf(String refreshToken) {
    return redis
        .opsForValue()
        .get(SessionKeys.refresh(RefreshTokens.hash(refreshToken)))
        .flatMap(
            sid ->
                redis
                    .<String, String>opsForHash()
                    .multiGet(SessionKeys.session(sid), List.of("user_id", "email"))
                    .filter(fields -> fields.get(0) != null && fields.get(1) != null)
                    .map(
                        fields ->
                            new SessionOwner(sid, Long.parseLong(fields.get(0)), fields.get(1))))
        .onErrorMap(Sessions::unavailable);
  }

  /**
   * Rotates {@code presented} to {@code next}. Within the grace window a token just rotated returns
   * the pair its rotation issued instead; any other reuse ends the session. Fails with 401 when the
   * session is gone.
   */
  public Mono<Rotation> rotate(SessionOwner owner, String presented, IssuedPair next) {
    String sealed = GraceSeal.seal(presented, next.accessToken() + "\n" + next.refreshToken());
    return redis
        .execute(
            ROTATE,
            List.of(
                SessionKeys.session(owner.sessionId()),
                SessionKeys.refresh(RefreshTokens.hash(next.refreshToken())),
                SessionKeys.userSessions(owner.userId())),
            List.of(
                RefreshTokens.hash(presented),
                RefreshTokens.hash(next.refreshToken()),
                nowMillis(),
                String.valueOf(properties.refreshGrace().toMillis()),
                sealed,
                ttlMillis(),
                owner.sessionId()))
        .next()
        .<Rotation>flatMap(
            outcome -> {
              if (outcome.equals("rotated")) {
                return Mono.just(new Rotation.Rotated(next));
              }
              if (outcome.startsWith(GRACE)) {
                return Mono.justOrEmpty(
                    GraceSeal.open(presented, outcome.substring(GRACE.length()))
                        .<Rotation>map(sealedPair -> new Rotation.Repeated(pairOf(sealedPair))));
              }
              if (outcome.equals("reused")) {
                return Mono.just(new Rotation.Reused());
              }
              return Mono.empty();
            })
        .onErrorMap(Sessions::unavailable)
        .switchIfEmpty(Mono.error(AuthProblems::invalidRefreshToken));
  }

  /** Ends one session of this user; false when the user has no such session. */
  public Mono<Boolean> revoke(String sessionId, long userId) {
    return redis
        .execute(
            REVOKE,
            List.of(SessionKeys.session(sessionId), SessionKeys.userSessions(userId)),
            List.of(String.valueOf(userId), sessionId))
        .next()
        .map(ended -> ended == 1L)
        .onErrorMap(Sessions::unavailable);
  }

  /** Ends every session of the user except {@code keep} (none when empty). */
  public Mono<Long> revokeAll(long userId, String keep) {
    return redis
        .execute(
            REVOKE_ALL,
            List.of(SessionKeys.userSessions(userId)),
            List.of(SessionKeys.SESSION_PREFIX, keep))
        .next()
        .onErrorMap(Sessions::unavailable);
  }

  public Flux<ActiveSession> list(long userId) {
    String setKey = SessionKeys.userSessions(userId);
    return redis
        .opsForSet()
        .members(setKey)
        .concatMap(
            sid ->
                redis
                    .<String, String>opsForHash()
                    .multiGet(
                        SessionKeys.session(sid),
                        List.of("created_at", "last_used_at", "user_agent", "ip"))
                    .flatMap(
                        fields ->
                            fields.get(0) == null
                                // expired on its own: drop it from the set as well
                                ? redis.opsForSet().remove(setKey, sid).then(Mono.empty())
                                : Mono.just(
                                    new ActiveSession(
                                        sid,
                                        Instant.ofEpochMilli(Long.parseLong(fields.get(0))),
                                        Instant.ofEpochMilli(Long.parseLong(fields.get(1))),
                                        emptyToNull(fields.get(2)),
                                        emptyToNull(fields.get(3))))))
        .onErrorMap(Sessions::unavailable);
  }

  /**
   * Redis unreachable or too slow (spring.data.redis.timeout, or the session check's own timeout):
   * 503, not a server fault.
   */
  static Throwable unavailable(Throwable error) {
    if (error instanceof DataAccessResourceFailureException
        || error instanceof QueryTimeoutException) {
      log.warn("Redis unavailable for sessions: {}", error.getClass().getSimpleName());
      return AuthProblems.sessionsUnavailable(error);
    }
    return error;
  }

  // Redis has no null: an unknown user agent or IP is stored as an empty field.
  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private String nowMillis() {
    return String.valueOf(clock.millis());
  }

  private String ttlMillis() {
    return String.valueOf(properties.refreshTtl().toMillis());
  }

  private static IssuedPair pairOf(String sealedPair) {
    int newline = sealedPair.indexOf('\n');
    return new IssuedPair(sealedPair.substring(0, newline), sealedPair.substring(newline + 1));
  }

  private static <T> RedisScript<T> script(String name, Class<T> type) {
    return RedisScript.of(new ClassPathResource(name, Sessions.class), type);
  }
}
