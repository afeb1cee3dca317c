package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.gateway.redis.RedisFailOpen;
import ch.moveacces.platform.defaults.tracing.TraceIdResponseHeader;
import ch.moveacces.testkit.ServiceIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway with Redis unreachable: a port nothing listens on. */
@ServiceIT
@ExtendWith(OutputCaptureExtension.class)
class RedisUnavailableIT {

  static final StandInService services = StandInService.start();
  static final TestTokens tokens = TestTokens.start();

  @Autowired WebTestClient client;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void redisNowhere(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", GatewayITSupport::closedPort);
    registry.add("AUTH_SERVICE_URI", services::uri);
    registry.add("PROFILE_SERVICE_URI", services::uri);
    registry.add("AUTH_JWKS_URI", tokens::jwksUri);
  }

  @AfterAll
  static void stopTheStandIns() {
    services.close();
    tokens.close();
  }

  private WebTestClient.ResponseSpec myProfile(String token) {
    return client.get().uri("/users/me").headers(h -> h.setBearerAuth(token)).exchange();
  }

  private double failOpenCount() {
    return meters.find(RedisFailOpen.METRIC).counters().stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }

  @Test
  void servesAuthenticatedApiRequestsOnTheSignatureAloneAndCountsThem() {
    String token = tokens.valid("42", UUID.randomUUID().toString());
    myProfile(token);
    double before = failOpenCount();

    long started = System.nanoTime();
    myProfile(token).expectStatus().isOk();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(250));
    assertThat(failOpenCount()).isGreaterThan(before);
  }

  @Test
  void logsEachSkippedCheckWithTheRequestsTraceId(CapturedOutput output) {
    String token = tokens.valid("42", UUID.randomUUID().toString());

    String traceId =
        myProfile(token)
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst(TraceIdResponseHeader.NAME);

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(output.getOut().lines())
        .filteredOn(
            line -> line.contains("Redis unavailable for the session check on GET /users/me"))
        .anySatisfy(line -> assertThat(line).contains(traceId));
  }

  @Test
  void stillRefusesABadToken() {
    client
        .get()
        .uri("/users/me")
        .headers(h -> h.setBearerAuth("not.a.token"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void answersLoginRegisterAndRefreshWithServiceUnavailable() {
    for (String path : new String[] {"/auth/login", "/auth/register", "/auth/refresh"}) {
      client
          .post()
          .uri(path)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"email\":\"someone@example.ch\",\"password\":\"x\"}")
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(services.requests()).noneMatch(request -> request.path().startsWith("/auth/"));
  }
}
