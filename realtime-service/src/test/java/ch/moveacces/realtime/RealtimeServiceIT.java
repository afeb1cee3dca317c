package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.WithKafka;
import ch.moveacces.testkit.WithRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithRedis
@WithKafka
class RealtimeServiceIT {

  @Autowired WebTestClient client;

  @Test
  void isReadyWithRedisAndKafka() {
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
        .jsonPath("$.components.redis.status")
        .isEqualTo("UP")
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
                    .contains("application=\"realtime-service\""));
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
}
