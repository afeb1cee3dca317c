package ch.moveacces.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AuthServiceTest
class AuthServiceIT {

  @Autowired WebTestClient client;

  @Test
  void isReadyWithItsDatabaseAndRedis() {
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
        .jsonPath("$.components.r2dbc.status")
        .isEqualTo("UP")
        .jsonPath("$.components.redis.status")
        .isEqualTo("UP")
        .jsonPath("$.components.kafka")
        .doesNotExist();
  }

  @Test
  void reportsKafkaHealthWithoutGatingReadiness() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.kafka.status")
        .isEqualTo("UP");
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

  @Test
  void servesItsMetricsToPrometheus() {
    client
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
                    .contains("application=\"auth-service\""));
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
  void migratesWithItsOwnAccountIntoItsOwnHistoryTable() throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement();
        ResultSet history =
            statement.executeQuery("SELECT installed_by FROM moveacces.flyway_history_auth")) {
      assertThat(history.next()).isTrue();
      do {
        assertThat(history.getString("installed_by")).startsWith("moveacces_auth");
      } while (history.next());
    }
  }
}
