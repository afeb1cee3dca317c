package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.WebTestClients;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's own behaviour; the operator checks every application shares run against its
 * management port, where its actuator lives.
 */
class GatewayIT extends GatewayITSupport implements ServiceConventions {

  @LocalManagementPort int managementPort;

  private WebTestClient management() {
    return WebTestClients.withLargeBodies(managementPort);
  }

  @Override
  public WebTestClient client() {
    return management();
  }

  @Override
  public String applicationName() {
    return "gateway";
  }

  /** Its rate limits and session checks fail open: Redis is reported, never waited for. */
  @Override
  public List<String> readinessComponents() {
    return List.of();
  }

  @Override
  public List<String> healthOnlyComponents() {
    return List.of("redis");
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
      strings = {"/auth/sessions", "/users/42", "/admin/subscriptions/7", "/realtime/devices"})
  void forwardsEachServicePathToItsService(String path) {
    if (path.startsWith("/admin/subscriptions")) {
      // The subscription stand-in never answers; its path is proven routed by its time-out.
      client
          .get()
          .uri(path)
          .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
          .exchange()
          .expectStatus()
          .isEqualTo(503);
      return;
    }
    client
        .get()
        .uri(path)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.servedPath")
        .isEqualTo(path);
  }

  @Test
  void forwardsThePublicPathsWithoutAToken() {
    client
        .get()
        .uri("/.well-known/jwks.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.servedPath")
        .isEqualTo("/.well-known/jwks.json");
  }

  @Test
  void carriesTheTraceContextToTheServiceAndTheTraceIdBackToTheClient() {
    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri("/users/traced")
            .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
            .exchange()
            .expectBody()
            .returnResult();
    String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(services.requests())
        .filteredOn(request -> request.path().equals("/users/traced"))
        .last()
        .satisfies(request -> assertThat(request.traceparent()).contains(traceId));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/actuator/prometheus",
        "/actuator/health",
        "/actuator/health/readiness",
        "/actuator/env"
      })
  void keepsTheActuatorOffThePublicPort(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(services.requests()).noneMatch(request -> request.path().startsWith("/actuator"));
  }

  @Test
  void servesMetricsOnTheManagementPort() {
    management()
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(metrics -> assertThat(metrics).contains("application=\"gateway\""));
    management().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
  }

  @Test
  void keepsTheDocumentsOutsideDevelopment() {
    client.get().uri("/docs").exchange().expectStatus().isNotFound();
    client
        .get()
        .uri("/docs/profile-service/v3/api-docs")
        .exchange()
        .expectStatus()
        .isUnauthorized();
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
  void leavesServiceDiscoveryOutOfItsHealth() {
    management()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.discoveryComposite")
        .doesNotExist();
  }
}
