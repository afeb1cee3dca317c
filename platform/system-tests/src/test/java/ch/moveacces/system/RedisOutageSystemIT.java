package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis stopped under the running system: members keep reading their profiles on their tokens'
 * signatures alone, logins are refused with 503 until Redis is back, and then everything is as
 * before, sessions included (Redis keeps its data on disk, as the devstack's own does).
 *
 * <p>The gateway waits for Redis at most its budget, 100 ms in production; the system tests give it
 * 1 s ({@link RunningSystem#ENVIRONMENT}), so that a busy machine does not refuse logins, and on
 * that budget every read during an outage takes a second. How fast reads are served is therefore
 * measured on a second gateway, started for this test from the devstack's own command line and
 * environment with the production budget, in front of the same services and Redis: production runs
 * several gateways anyway. The devstack's gateway shows the rest.
 *
 * <p>Measured: each {@code GET /users/me} under 250 ms on the second gateway, about a second on the
 * devstack's; login 503 problem+json with {@code Retry-After}. Once Redis is back, within 45 s:
 * auth-service healthy, logins counted, a logged-out session refused again and the session from
 * before the outage still valid.
 */
@WithRunningSystem
class RedisOutageSystemIT {

  private static final Logger log = LoggerFactory.getLogger(RedisOutageSystemIT.class);

  private static final String PASSWORD = "Sans-Redis mais-servi";
  private static final Duration READ_BUDGET = Duration.ofMillis(250);
  private static final Duration RECOVERY = Duration.ofSeconds(45);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void withRedisStoppedReadsAreServedWithin250MsAndLoginIs503UntilRedisIsBack(RunningSystem system)
      throws Exception {
    String email = "redis-" + UUID.randomUUID() + "@example.ch";
    ApiClient anonymous = ApiClient.from(system);
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Panne", "prenom", "Rita"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    String token = login(anonymous, email).text("access_token");
    Reply other = login(ApiClient.from(system), email);
    ApiClient ended = ApiClient.from(system).withToken(other.text("access_token"));
    assertThat(
            ended
                .post("/auth/logout", Map.of("refresh_token", other.text("refresh_token")))
                .status())
        .isEqualTo(204);

    try (SecondInstance productionBudget =
        SecondInstance.start(
            system,
            "gateway",
            Map.of("REDIS_TIMEOUT", "100ms"),
            Path.of("target/system-gateway-100ms.log"))) {
      URI secondGateway = productionBudget.uri();
      // warm: the first requests through a new JVM compile its paths
      for (int i = 0; i < 5; i++) {
        assertThat(profile(secondGateway, token).statusCode()).isEqualTo(200);
      }
      assertThat(ended.get("/users/me").status()).as("a logged-out session").isEqualTo(401);

      system.redis().stop();
      try {
        List<Duration> answeredIn = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          long started = System.nanoTime();
          HttpResponse<String> read = profile(secondGateway, token);
          answeredIn.add(Duration.ofNanos(System.nanoTime() - started));
          assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        }
        log.info("GET /users/me without Redis, 100 ms budget: {}", answeredIn);
        assertThat(answeredIn).allSatisfy(time -> assertThat(time).isLessThan(READ_BUDGET));

        Reply read = anonymous.withToken(token).get("/users/me");
        assertThat(read.status()).as("the devstack's gateway, on its 1 s budget").isEqualTo(200);

        Reply refused = ApiClient.from(system).post("/auth/login", credentials(email));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
        HttpResponse<String> refusedThere = loginAt(secondGateway, email);
        assertThat(refusedThere.statusCode()).isEqualTo(503);
        assertThat(refusedThere.headers().firstValue("Retry-After")).isPresent();
      } finally {
        system.redis().restart();
      }

      long back = System.nanoTime();
      // Lettuce reconnects with a back-off. auth-service's health includes Redis; a wrong password
      // from a new address and email each time (so no login limit is spent) answers 401 once the
      // gateway counts logins again.
      URI authHealth = system.direct("auth-service").resolve("/actuator/health");
      await("auth-service to have Redis again")
          .atMost(RECOVERY)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> status(authHealth) == 200);
      await("logins to be answered again")
          .atMost(RECOVERY)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  ApiClient.from(system)
                          .post(
                              "/auth/login",
                              Map.of(
                                  "email",
                                  "nobody-" + UUID.randomUUID() + "@example.ch",
                                  "password",
                                  "not the password at all"))
                          .status()
                      == 401);
      await("the logged-out session to be refused again")
          .atMost(RECOVERY)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> ended.get("/users/me").status() == 401);
      log.info("normal again {} ms after Redis came back", (System.nanoTime() - back) / 1_000_000);

      Reply loginAgain = ApiClient.from(system).post("/auth/login", credentials(email));
      assertThat(loginAgain.status()).as(loginAgain.body().toString()).isEqualTo(200);
      assertThat(loginAgain.header("RateLimit")).isNotBlank();
      assertThat(anonymous.withToken(token).get("/users/me").status())
          .as("the session from before the outage, kept by Redis")
          .isEqualTo(200);
    }
  }

  private static Reply login(ApiClient client, String email) {
    Reply login = client.post("/auth/login", credentials(email));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return login;
  }

  private static Map<String, String> credentials(String email) {
    return Map.of("email", email, "password", PASSWORD);
  }

  private HttpResponse<String> profile(URI gateway, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(gateway.resolve("/users/me"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int status(URI uri) throws Exception {
    return http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private HttpResponse<String> loginAt(URI gateway, String email) throws Exception {
    return http.send(
        HttpRequest.newBuilder(gateway.resolve("/auth/login"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
