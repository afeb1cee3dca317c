package ch.moveacces.gateway;

import ch.moveacces.testkit.WithRedis;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The route time limit is the configured one, not resilience4j's built-in second: a service that
 * takes longer than a second but less than the limit is answered, not cut off as unavailable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithRedis
class RouteTimeLimitIT {

  static final SlowService slowService = SlowService.answeringAfter(Duration.ofMillis(1800));
  static final TestTokens tokens = TestTokens.start();

  @Autowired WebTestClient client;
  @Autowired ReactiveStringRedisTemplate redis;

  @DynamicPropertySource
  static void slowProfileServiceAndAFourSecondLimit(DynamicPropertyRegistry registry) {
    registry.add("PROFILE_SERVICE_URI", slowService::uri);
    registry.add("AUTH_JWKS_URI", tokens::jwksUri);
    registry.add("resilience4j.timelimiter.configs.default.timeout-duration", () -> "4s");
    registry.add("moveacces.gateway.redis-timeout", () -> "2s");
  }

  @Test
  void waitsForAServiceUpToTheConfiguredLimit() {
    String sessionId = UUID.randomUUID().toString();
    redis.opsForValue().set("auth:session:" + sessionId, "42").block();

    client
        .mutate()
        .responseTimeout(Duration.ofSeconds(10))
        .build()
        .get()
        .uri("/users/me")
        .headers(h -> h.setBearerAuth(tokens.valid("42", sessionId)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.slow")
        .isEqualTo(true);
  }
}
