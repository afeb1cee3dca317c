package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WebTestClients;
import ch.moveacces.testkit.openapi.ApiDocumentConventions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunningRealtimeService
class RealtimeServiceIT implements ServiceConventions, ApiDocumentConventions {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return WebTestClients.withLargeBodies(client);
  }

  @Override
  public String applicationName() {
    return "realtime-service";
  }

  /** It pushes events (Kafka) to sockets it tracks per user (Redis): it needs both. */
  @Override
  public List<String> readinessComponents() {
    return List.of("redis", "kafka");
  }

  /** Without a token nothing but the actuators, the socket and the API document answers. */
  @Test
  void answersAnyPathWithoutTokenWithAnUnauthorizedProblem() {
    client()
        .get()
        .uri("/no-such-thing")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized");
  }

  @Test
  void refusesAPlainRequestOnTheSocketPath() {
    client()
        .get()
        .uri("/ws?ticket=whatever")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void servesItsSocketMetricsToPrometheus() {
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
                    .contains("realtime_connections{")
                    .contains("realtime_messages_sent_total{")
                    .contains("realtime_messages_dropped_total{"));
  }

  /** Thirty days, the default of {@code moveacces.realtime.dead-letter-retention}. */
  @Test
  void keepsItsDeadLettersThirtyDays() throws Exception {
    ConfigResource topic =
        new ConfigResource(ConfigResource.Type.TOPIC, FeedFailures.DEAD_LETTER_TOPIC);
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestEngines.kafka().bootstrapServers()))) {
      Config config =
          admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

      assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
          .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
    }
  }

  @Test
  void describesTheTicketOperationInItsOpenApiDocument() {
    client()
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/realtime/ticket'].post")
        .exists();
  }
}
