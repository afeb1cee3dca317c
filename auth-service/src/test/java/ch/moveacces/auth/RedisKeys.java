package ch.moveacces.auth;

import ch.moveacces.platform.token.ActiveSessions;
import ch.moveacces.testkit.TestEngines;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads Redis directly, to check the key layout of ADR 0005 that the gateway relies on. */
public final class RedisKeys {

  private RedisKeys() {}

  public static boolean sessionExists(String sessionId) {
    return withRedis(connection -> connection.sync().exists(ActiveSessions.key(sessionId)) == 1);
  }

  public static Map<String, String> session(String sessionId) {
    return withRedis(connection -> connection.sync().hgetall(ActiveSessions.key(sessionId)));
  }

  public static Set<String> userSessions(long userId) {
    return withRedis(connection -> connection.sync().smembers("auth:user-sessions:" + userId));
  }

  private static <T> T withRedis(Function<StatefulRedisConnection<String, String>, T> work) {
    RedisClient client =
        RedisClient.create(
            "redis://" + TestEngines.redis().host() + ":" + TestEngines.redis().port());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return work.apply(connection);
    } finally {
      client.shutdown();
    }
  }
}
