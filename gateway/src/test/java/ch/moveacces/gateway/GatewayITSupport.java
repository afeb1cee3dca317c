package ch.moveacces.gateway;

import static ch.moveacces.testkit.Engine.REDIS;

import ch.moveacces.platform.token.ActiveSessions;
import ch.moveacces.testkit.ServiceIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on real Redis in front of stand-in services: auth, profile and realtime answer,
 * subscription never answers, audit refuses connections. The test client connects from 127.0.0.1, a
 * trusted proxy here, so that tests can speak for many client addresses through {@code
 * X-Forwarded-For}. One application context for every test class that extends this one.
 */
@ServiceIT(engines = REDIS)
abstract class GatewayITSupport {

  static final StandInService services = StandInService.start();
  static final SilentService silentService = SilentService.start();
  static final TestTokens tokens = TestTokens.start();
  static final int API_LIMIT = 20;

  @Autowired WebTestClient client;
  @Autowired ReactiveStringRedisTemplate redis;

  @DynamicPropertySource
  static void gatewayInFrontOfStandIns(DynamicPropertyRegistry registry) {
    for (String service :
        List.of("AUTH_SERVICE_URI", "PROFILE_SERVICE_URI", "REALTIME_SERVICE_URI")) {
      registry.add(service, services::uri);
    }
    registry.add("SUBSCRIPTION_SERVICE_URI", silentService::uri);
    registry.add("AUDIT_SERVICE_URI", () -> "http://127.0.0.1:" + closedPort());
    registry.add("AUTH_JWKS_URI", tokens::jwksUri);
    registry.add("moveacces.client.trusted-proxies", () -> "127.0.0.1/32");
    registry.add("moveacces.gateway.rate-limits.api.requests", () -> API_LIMIT);
    registry.add("resilience4j.timelimiter.configs.default.timeout-duration", () -> "1s");
    // These tests are about what the gateway decides, on a machine that may be busy with builds;
    // RedisUnavailableIT keeps the production budget of 100 ms.
    registry.add("moveacces.gateway.redis-timeout", () -> "2s");
  }

  /** A token of a session that auth-service keeps in Redis, as after a login. */
  String activeSessionToken(String subject) {
    String sessionId = UUID.randomUUID().toString();
    // Retried: the first command of a cold test JVM may miss the gateway's 100 ms Redis timeout.
    redis.opsForValue().set(ActiveSessions.key(sessionId), subject).retry(3).block();
    return tokens.valid(subject, sessionId);
  }

  static String aSubject() {
    return String.valueOf(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
  }

  /** A client address no other test uses, so that rate limits never carry over between tests. */
  static String anIp() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10.%d.%d.%d"
        .formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255));
  }

  static String anId() {
    return UUID.randomUUID().toString();
  }

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
