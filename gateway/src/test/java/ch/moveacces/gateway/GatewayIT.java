package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.WithRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithRedis
class GatewayIT {

  static final StandInService services = StandInService.start();

  @Autowired WebTestClient client;

  @DynamicPropertySource
  static void servicesBehindTheGateway(DynamicPropertyRegistry registry) {
    for (String service :
        List.of(
            "AUTH_SERVICE_URI",
            "PROFILE_SERVICE_URI",
            "SUBSCRIPTION_SERVICE_URI",
            "REALTIME_SERVICE_URI")) {
      registry.add(service, services::uri);
    }
    registry.add("AUDIT_SERVICE_URI", () -> "http://127.0.0.1:" + closedPort());
  }

  @AfterAll
  static void stopTheStandIn() {
    services.close();
  }

  @Test
  void answersItsPublicHealthCheckItself() {
    client
        .get()
        .uri("/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
    assertThat(services.requests()).noneMatch(request -> request.path().equals("/health"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/auth/login",
        "/.well-known/jwks.json",
        "/users/42",
        "/subscriptions/7",
        "/admin/subscriptions/7",
        "/realtime/devices",
        "/ws"
      })
  void forwardsEachServicePathToItsService(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.servedPath")
        .isEqualTo(path);
  }

  @Test
  void carriesTheTraceContextToTheServiceAndTheTraceIdBackToTheClient() {
    EntityExchangeResult<byte[]> result =
        client.get().uri("/users/traced").exchange().expectBody().returnResult();
    String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(services.requests())
        .filteredOn(request -> request.path().equals("/users/traced"))
        .singleElement()
        .satisfies(request -> assertThat(request.traceparent()).contains(traceId));
  }

  @Test
  void keepsTheActuatorOffTheRoutes() {
    client
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(metrics -> assertThat(metrics).contains("application=\"gateway\""));
    client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();

    assertThat(services.requests()).noneMatch(request -> request.path().startsWith("/actuator"));
  }

  @Test
  void answersAnUnreachableServiceWithABadGatewayProblem() {
    client
        .get()
        .uri("/audit/logs")
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/bad-gateway")
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).doesNotContain("127.0.0.1"));
  }

  @Test
  void answersAnUnknownPathWithANotFoundProblemCarryingTheTraceId() {
    client
        .get()
        .uri("/no-such-thing")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueMatches("X-Trace-Id", "[0-9a-f]{32}")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/not-found")
        .jsonPath("$.traceId")
        .isNotEmpty();
  }

  @Test
  void isReadyWithoutWaitingForRedis() {
    client
        .get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.readinessState.status")
        .isEqualTo("UP")
        .jsonPath("$.components.redis")
        .doesNotExist();
  }

  @Test
  void reportsRedisHealthWithoutGatingReadiness() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.redis.status")
        .isEqualTo("UP")
        .jsonPath("$.components.discoveryComposite")
        .doesNotExist();
  }

  @Test
  void isLive() {
    client
        .get()
        .uri("/actuator/health/liveness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.livenessState.status")
        .isEqualTo("UP");
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
