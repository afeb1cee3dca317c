package ch.moveacces.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.OwnMigrations;
import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.WebTestClients;
import ch.moveacces.testkit.openapi.ApiDocumentConventions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunningAuthService
class AuthServiceIT implements ServiceConventions, OwnMigrations, ApiDocumentConventions {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return WebTestClients.withLargeBodies(client);
  }

  @Override
  public String applicationName() {
    return "auth-service";
  }

  /** No one can sign in without the accounts, nor stay signed in without Redis. */
  @Override
  public List<String> readinessComponents() {
    return List.of("r2dbc", "redis");
  }

  /** Events leave through the outbox, so Kafka being away delays them and loses none. */
  @Override
  public List<String> healthOnlyComponents() {
    return List.of("kafka");
  }

  @Override
  public ServiceAccount account() {
    return ServiceAccount.AUTH;
  }

  /** The gateway's documentation page reads it without a token. */
  @Test
  void publishesItsOpenApiDocumentWithoutTheCallerInternals() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/auth/login'].post")
        .exists()
        .jsonPath("$.paths['/auth/register'].post")
        .exists()
        .jsonPath("$.paths['/auth/sessions'].get")
        .exists()
        .jsonPath("$.paths['/auth/sessions'].get.parameters")
        .doesNotExist()
        .jsonPath("$.paths['/auth/logout'].post.parameters")
        .doesNotExist();
  }

  /** The operators see the database pool's size and use, and Redis command latencies. */
  @Test
  void exposesItsConnectionPoolAndRedisCommandsAsMetrics() {
    client().get().uri("/actuator/health").exchange().expectStatus().isOk();

    String metrics =
        client()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(metrics)
        .containsPattern("(?m)^r2dbc_pool_max_allocated_connections\\{[^}]*} 40\\.0$")
        .contains(
            "r2dbc_pool_allocated_connections{",
            "r2dbc_pool_acquired_connections{",
            "r2dbc_pool_idle_connections{",
            "r2dbc_pool_pending_connections{")
        .containsPattern("lettuce_seconds_count\\{[^}]*db_operation=\"[A-Z]+\"");
  }
}
