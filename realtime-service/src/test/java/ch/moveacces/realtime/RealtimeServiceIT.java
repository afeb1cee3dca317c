package ch.moveacces.realtime;

import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.WithKafka;
import ch.moveacces.testkit.WithRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithRedis
@WithKafka
class RealtimeServiceIT implements ServiceConventions {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return client;
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

  @Test
  void answersAnUnknownPathWithANotFoundProblem() {
    client
        .get()
        .uri("/no-such-thing")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/not-found");
  }
}
