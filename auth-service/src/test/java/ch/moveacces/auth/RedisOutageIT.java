package ch.moveacces.auth;

import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.engines.FreePorts;
import ch.moveacces.engines.RedisServer;
import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.ServiceIT;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * auth-service through a Redis outage and back. It has a Redis of its own, stopped and started
 * again on the same port, because the test kit's Redis serves the other tests of this JVM. The
 * context is closed afterwards, so that its client does not keep reconnecting to a Redis that is
 * gone.
 */
@ServiceIT(
    engines = {DATABASE, KAFKA},
    account = ServiceAccount.AUTH,
    properties = {
      "moveacces.auth.dev-ephemeral-key=true",
      "moveacces.auth.argon2.memory-kib=1024",
      "moveacces.auth.argon2.iterations=1"
    })
@DirtiesContext
class RedisOutageIT {

  static final int REDIS_PORT = FreePorts.find();
  static RedisServer redisServer = RedisServer.startInMemory(REDIS_PORT);

  // Well inside the gateway's 5 s route time limit, so that a client gets this service's answer.
  private static final Duration PROMPTLY = Duration.ofSeconds(3);
  // Lettuce reconnects with an exponential back-off; after an outage of a few seconds the next
  // attempt comes within a few seconds more.
  private static final Duration RECOVERY = Duration.ofSeconds(15);

  @Autowired WebTestClient client;

  @DynamicPropertySource
  static void serviceOnItsOwnRedis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> REDIS_PORT);
  }

  @AfterAll
  static void stopRedis() {
    redisServer.close();
  }

  @Test
  void
      answersLoginRefreshAndTheSessionCheckWithServiceUnavailableWithoutRedisAndSignsInAgainWhenItIsBack() {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    auth.register(email);
    Tokens signedIn = auth.login(email, AuthClient.PASSWORD);

    redisServer.close();

    assertAnsweredPromptlyWithServiceUnavailable(
        () -> post("/auth/login", Map.of("email", email, "password", AuthClient.PASSWORD)));
    assertAnsweredPromptlyWithServiceUnavailable(
        () -> post("/auth/refresh", Map.of("refresh_token", signedIn.refreshToken())));
    // a valid token whose session cannot be looked up: not the client's fault
    assertAnsweredPromptlyWithServiceUnavailable(
        () ->
            client
                .get()
                .uri("/auth/sessions")
                .headers(headers -> headers.setBearerAuth(signedIn.accessToken()))
                .exchange());

    redisServer = RedisServer.startInMemory(REDIS_PORT);
    assertThat(redisServer.port()).isEqualTo(REDIS_PORT);

    AtomicReference<Tokens> signedInAgain = new AtomicReference<>();
    await()
        .atMost(RECOVERY)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> signedInAgain.set(auth.login(email, AuthClient.PASSWORD)));
    auth.refreshed(signedInAgain.get().refreshToken());
  }

  private WebTestClient.ResponseSpec post(String path, Map<String, String> body) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static void assertAnsweredPromptlyWithServiceUnavailable(
      Supplier<WebTestClient.ResponseSpec> request) {
    long started = System.nanoTime();
    request
        .get()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/service-unavailable");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
  }
}
