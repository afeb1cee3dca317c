package ch.moveacces.realtime;

import static ch.moveacces.platform.token.testing.AccessTokens.claimsFor;
import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.sign;

import ch.moveacces.platform.token.ActiveSessions;
import ch.moveacces.platform.token.testing.JwkSetServer;
import ch.moveacces.testkit.RedisEndpoint;
import ch.moveacces.testkit.TestEngines;
import com.nimbusds.jose.jwk.ECKey;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Members signed in as auth-service would sign them in: a session key in Redis (ADR 0005) and
 * access tokens of that session, verified against a JWK set served for the tests.
 */
final class Members {

  static final ECKey KEY = newKey("realtime-it-key");
  static final JwkSetServer JWKS = JwkSetServer.start(KEY);
  private static RedisCommands<String, String> redis;

  private Members() {}

  /** A member signed in once: a user id no other test uses and an active session. */
  static Member signIn() {
    return session(String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 4_000_000_000L)));
  }

  /** Another active session of this user. */
  static Member session(String userId) {
    String sessionId = UUID.randomUUID().toString();
    redis().hset(ActiveSessions.key(sessionId), Map.of("user_id", userId));
    redis().expire(ActiveSessions.key(sessionId), Duration.ofHours(1));
    return new Member(userId, sessionId);
  }

  static synchronized RedisCommands<String, String> redis() {
    if (redis == null) {
      RedisEndpoint endpoint = TestEngines.redis();
      redis =
          RedisClient.create(RedisURI.create(endpoint.host(), endpoint.port())).connect().sync();
    }
    return redis;
  }

  record Member(String userId, String sessionId) {

    /** A 15-minute access token of this session. */
    String token() {
      return tokenFor(Duration.ofMinutes(15));
    }

    String tokenFor(Duration life) {
      return sign(
          claimsFor(userId)
              .claim("sid", sessionId)
              .expirationTime(Date.from(Instant.now().plus(life)))
              .build(),
          KEY);
    }

    /** What logout or revocation does in auth-service: the session key goes. */
    void endSession() {
      redis().del(ActiveSessions.key(sessionId));
    }
  }

  /** Points the application at the tests' JWK set. */
  static final class Keys implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "realtime-test-tokens",
                  Map.of("moveacces.tokens.jwk-set-uri", JWKS.uri().toString())));
    }
  }
}
