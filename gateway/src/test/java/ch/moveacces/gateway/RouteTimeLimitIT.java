package ch.moveacces.gateway;

import static ch.moveacces.testkit.Engine.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.token.ActiveSessions;
import ch.moveacces.testkit.ServiceIT;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a route lets through to a slow but healthy service: requests up to the configured time limit
 * (not resilience4j's built-in second), and as many at once as clients send (no hidden bulkhead of
 * 25 calls whose refusals would open the circuit breaker).
 */
@ServiceIT(engines = REDIS)
class RouteTimeLimitIT {

  static final SlowService slowService = SlowService.answeringAfter(Duration.ofMillis(1500));
  static final TestTokens tokens = TestTokens.start();

  @Autowired WebTestClient client;
  @LocalServerPort int port;
  @Autowired ReactiveStringRedisTemplate redis;

  @DynamicPropertySource
  static void slowProfileServiceAndAFourSecondLimit(DynamicPropertyRegistry registry) {
    registry.add("PROFILE_SERVICE_URI", slowService::uri);
    registry.add("AUTH_JWKS_URI", tokens::jwksUri);
    registry.add("resilience4j.timelimiter.configs.default.timeout-duration", () -> "4s");
    registry.add("moveacces.gateway.redis-timeout", () -> "2s");
  }

  @Test
  void letsManyConcurrentRequestsThroughToASlowHealthyService() {
    String sessionId = UUID.randomUUID().toString();
    redis.opsForValue().set(ActiveSessions.key(sessionId), "43").block();
    String token = tokens.valid("43", sessionId);
    WebClient webClient = WebClient.create("http://127.0.0.1:" + port);

    List<Integer> statuses =
        Flux.range(0, 60)
            .flatMap(
                i ->
                    webClient
                        .get()
                        .uri("/users/me")
                        .headers(h -> h.setBearerAuth(token))
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())),
                60)
            .collectList()
            .block(Duration.ofSeconds(30));

    assertThat(statuses).hasSize(60).containsOnly(200);
  }

  @Test
  void waitsForAServiceUpToTheConfiguredLimit() {
    String sessionId = UUID.randomUUID().toString();
    redis.opsForValue().set(ActiveSessions.key(sessionId), "42").block();

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
