package ch.moveacces.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Move Acces application shows its operators, as tests: readiness gated by exactly the
 * dependencies it cannot work without, the others reported as health only, liveness, metrics for
 * Prometheus tagged with its name, and errors as problem+json carrying the trace id. An
 * application's {@code *IT} implements this interface and says what it depends on.
 */
public interface ServiceConventions {

  /**
   * A client of the application under test that reads the whole Prometheus page: {@link
   * WebTestClients#withLargeBodies(WebTestClient)} of the one {@link ServiceIT} gives.
   */
  WebTestClient client();

  /** The application's name, as in {@code spring.application.name}. */
  String applicationName();

  /** Health components that gate readiness, e.g. {@code r2dbc}, {@code redis}, {@code kafka}. */
  List<String> readinessComponents();

  /** Health components reported in {@code /actuator/health} without gating readiness. */
  default List<String> healthOnlyComponents() {
    return List.of();
  }

  @Test
  default void isReadyExactlyWithWhatItCannotWorkWithout() {
    var body =
        client()
            .get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP")
            .jsonPath("$.components.readinessState.status")
            .isEqualTo("UP");
    for (String component : readinessComponents()) {
      body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
    }
    for (String component : healthOnlyComponents()) {
      body.jsonPath("$.components." + component).doesNotExist();
    }
  }

  @Test
  default void reportsEveryDependencyInItsHealth() {
    var body = client().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody();
    for (String component : healthOnlyComponents()) {
      body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
    }
    for (String component : readinessComponents()) {
      body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
    }
  }

  @Test
  default void isLive() {
    client()
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

  @Test
  default void servesItsMetricsToPrometheus() {
    client()
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            metrics ->
                assertThat(metrics)
                    .contains("jvm_memory_used_bytes")
                    .contains("application=\"" + applicationName() + "\""));
  }

  @Test
  default void answersAnErrorWithAProblemCarryingTheTraceId() {
    client()
        .get()
        .uri("/no-such-thing")
        .exchange()
        .expectStatus()
        .is4xxClientError()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueMatches("X-Trace-Id", "[0-9a-f]{32}")
        .expectBody(String.class)
        .value(
            problem ->
                assertThat(problem)
                    .contains("\"type\":\"https://moveacces.ch/problems/")
                    .containsPattern("\"traceId\":\"[0-9a-f]{32}\""));
  }
}
