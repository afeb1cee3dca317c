package ch.moveacces.gateway;

import static ch.moveacces.testkit.Engine.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.ServiceIT;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A burst of sign-ins: with two allowed in flight and auth-service slow to answer, two of five
 * logins sent at once pass and three are refused at once with 503, {@code Retry-After} and a
 * problem; once the two are answered, the next one passes again.
 */
@ServiceIT(engines = REDIS)
class HashingAdmissionIT {

  static final Duration UPSTREAM_DELAY = Duration.ofSeconds(3);
  static final SlowService slowAuthService = SlowService.answeringAfter(UPSTREAM_DELAY);
  static final TestTokens tokens = TestTokens.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void slowAuthServiceAndTwoInFlight(DynamicPropertyRegistry registry) {
    registry.add("AUTH_SERVICE_URI", slowAuthService::uri);
    registry.add("AUTH_JWKS_URI", tokens::jwksUri);
    registry.add("moveacces.gateway.hashing-admission.max-in-flight", () -> "2");
    registry.add("moveacces.gateway.redis-timeout", () -> "2s");
    // other test classes sign in from this address too; the per-address limit is not tested here
    registry.add("moveacces.gateway.rate-limits.login-ip.requests", () -> "1000");
  }

  @AfterAll
  static void stopStandIns() {
    slowAuthService.close();
  }

  @Test
  void refusesTheLoginsBeyondThoseInFlightAtOnceAndAdmitsAgainOnceTheyAreAnswered() {
    WebClient webClient = WebClient.create("http://127.0.0.1:" + port);

    List<Answer> burst =
        Flux.range(0, 5)
            .flatMap(i -> login(webClient), 5)
            .collectList()
            .block(Duration.ofSeconds(30));

    assertThat(burst).extracting(Answer::status).containsOnly(200, 503);
    assertThat(burst).filteredOn(answer -> answer.status() == 200).hasSize(2);
    assertThat(burst)
        .filteredOn(answer -> answer.status() == 503)
        .hasSize(3)
        .allSatisfy(
            refused -> {
              assertThat(refused.retryAfter()).isEqualTo("1");
              assertThat(refused.contentType()).startsWith("application/problem+json");
              // refused at once, not after waiting for the upstream
              assertThat(refused.took()).isLessThan(UPSTREAM_DELAY);
            });

    assertThat(login(webClient).block(Duration.ofSeconds(10)).status()).isEqualTo(200);
  }

  private static Mono<Answer> login(WebClient webClient) {
    long started = System.nanoTime();
    return webClient
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"email\":\"burst-"
                + UUID.randomUUID()
                + "@example.ch\",\"password\":\"not checked here\"}")
        .exchangeToMono(
            response ->
                response
                    .releaseBody()
                    .thenReturn(
                        new Answer(
                            response.statusCode().value(),
                            response.headers().asHttpHeaders().getFirst("Retry-After"),
                            String.valueOf(response.headers().contentType().orElse(null)),
                            Duration.ofNanos(System.nanoTime() - started))));
  }

  private record Answer(int status, String retryAfter, String contentType, Duration took) {}
}
