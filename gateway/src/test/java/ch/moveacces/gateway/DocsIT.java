package ch.moveacces.gateway;

import static ch.moveacces.testkit.Engine.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.ServiceIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in development: Swagger UI at /docs over the services' OpenAPI documents. */
@ServiceIT(engines = REDIS)
@ActiveProfiles("dev")
class DocsIT {

  static final StandInService services = StandInService.start();
  static final TestTokens tokens = TestTokens.start();

  @Autowired WebTestClient client;

  @DynamicPropertySource
  static void standIns(DynamicPropertyRegistry registry) {
    registry.add("PROFILE_SERVICE_URI", services::uri);
    registry.add("AUTH_JWKS_URI", tokens::jwksUri);
  }

  @AfterAll
  static void stopTheStandIns() {
    services.close();
    tokens.close();
  }

  @Test
  void servesSwaggerUiAtDocs() {
    client
        .get()
        .uri("/docs")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .valueMatches("Location", ".*/swagger-ui/index.html");
    client
        .get()
        .uri("/swagger-ui/index.html")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectHeader()
        .valueMatches("Content-Security-Policy", ".*script-src 'self'.*frame-ancestors 'none'");
  }

  @Test
  void listsEveryServicesDocument() {
    client
        .get()
        .uri("/docs/gateway/v3/api-docs/swagger-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            config ->
                assertThat(config)
                    .contains(
                        "/docs/auth-service/v3/api-docs",
                        "/docs/profile-service/v3/api-docs",
                        "/docs/subscription-service/v3/api-docs",
                        "/docs/audit-service/v3/api-docs",
                        "/docs/realtime-service/v3/api-docs"));
  }

  @Test
  void fetchesAServicesDocumentFromTheServiceWithoutAToken() {
    client
        .get()
        .uri("/docs/profile-service/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.servedPath")
        .isEqualTo("/v3/api-docs");
  }
}
