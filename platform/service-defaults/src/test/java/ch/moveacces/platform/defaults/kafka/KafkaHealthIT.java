package ch.moveacces.platform.defaults.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.defaults.TinyService;
import ch.moveacces.testkit.WithKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = TinyService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=tiny-service")
@AutoConfigureWebTestClient
@WithKafka
class KafkaHealthIT {

  @Autowired WebTestClient client;

  @Test
  void reportsKafkaUpWhenTheClusterAnswers() {
    client
        .get()
        .uri("/actuator/health/kafka")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.details.brokers")
        .isEqualTo(1);
  }

  @Test
  void reportsKafkaDownQuicklyWhenNoBrokerAnswers() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    KafkaClusterHealthIndicator indicator =
        new KafkaClusterHealthIndicator(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort),
            Duration.ofSeconds(1));
    try {
      long start = System.nanoTime();
      Health health = indicator.health().block(Duration.ofSeconds(5));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    } finally {
      indicator.destroy();
    }
  }
}
