package ch.moveacces.profile;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.OwnMigrations;
import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.WithDatabase;
import ch.moveacces.testkit.WithKafka;
import ch.moveacces.testkit.openapi.ApiDocumentConventions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithDatabase(ServiceAccount.PROFILE)
@WithKafka
class ProfileServiceIT implements ServiceConventions, OwnMigrations, ApiDocumentConventions {

  @Autowired WebTestClient client;

  /** The Prometheus page outgrows the client's default 256 KiB once every route has its metrics. */
  @Override
  public WebTestClient client() {
    return client
        .mutate()
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
        .build();
  }

  @Override
  public String applicationName() {
    return "profile-service";
  }

  @Override
  public List<String> readinessComponents() {
    return List.of("r2dbc");
  }

  /** A producer of events: its outbox keeps them while Kafka is away. */
  @Override
  public List<String> healthOnlyComponents() {
    return List.of("kafka");
  }

  @Override
  public ServiceAccount account() {
    return ServiceAccount.PROFILE;
  }

  /** Without a token nothing but the actuators answers, not even which paths exist. */
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
}
