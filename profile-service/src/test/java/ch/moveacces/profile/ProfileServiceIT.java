package ch.moveacces.profile;

import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.OwnMigrations;
import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.ServiceIT;
import ch.moveacces.testkit.WebTestClients;
import ch.moveacces.testkit.openapi.ApiDocumentConventions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceIT(
    engines = {DATABASE, KAFKA},
    account = ServiceAccount.PROFILE)
class ProfileServiceIT implements ServiceConventions, OwnMigrations, ApiDocumentConventions {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return WebTestClients.withLargeBodies(client);
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
