package ch.moveacces.subscription;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.OwnMigrations;
import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.WebTestClients;
import ch.moveacces.testkit.openapi.ApiDocumentConventions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The operator conventions, its own migrations and its OpenAPI document. */
class SubscriptionServiceIT extends RunningService
    implements ServiceConventions, OwnMigrations, ApiDocumentConventions {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return WebTestClients.withLargeBodies(client);
  }

  @Override
  public String applicationName() {
    return "subscription-service";
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
    return ServiceAccount.SUBSCRIPTION;
  }

  /** Without a token nothing but the actuators answers, not even which paths exist. */
  @Test
  void answersAnyPathWithoutTokenWithAnUnauthorizedProblem() {
    client
        .get()
        .uri("/subscriptions")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized");
  }

  @Test
  void publishesItsOpenApiDocumentWithoutToken() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/subscriptions'].get")
        .exists()
        .jsonPath("$.paths['/subscriptions/{id}/pause'].post.parameters[*].name")
        .isEqualTo(List.of("id"))
        .jsonPath("$.paths['/admin/subscriptions'].post")
        .exists()
        .jsonPath("$.paths['/admin/subscriptions/{id}/activate'].post")
        .exists()
        .jsonPath("$.components.schemas.AbonnementView.properties.date_start")
        .exists()
        .jsonPath("$.components.schemas.AbonnementRequest.properties.user_id")
        .exists();
  }
}
