package ch.moveacces.platform.defaults.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

@SpringBootTest(
    classes = DocumentedService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=documented-service",
      "moveacces.api.description=Greetings and reports.",
      "moveacces.api.version=1.2.3"
    })
@AutoConfigureWebTestClient
class ApiDocumentTest {

  @Autowired WebTestClient client;

  @Test
  void introducesTheServiceWithTheGatewayAsItsServer() {
    document()
        .jsonPath("$.info.title")
        .isEqualTo("documented-service")
        .jsonPath("$.info.version")
        .isEqualTo("1.2.3")
        .jsonPath("$.info.description")
        .isEqualTo("Greetings and reports.")
        .jsonPath("$.servers.length()")
        .isEqualTo(1)
        .jsonPath("$.servers[0].url")
        .isEqualTo(ApiDocumentProperties.DEFAULT_SERVER_URL);
  }

  @Test
  void offersABearerSchemeThatEveryOperationButThePublicOnesRequires() {
    document()
        .jsonPath("$.components.securitySchemes.bearer.type")
        .isEqualTo("http")
        .jsonPath("$.components.securitySchemes.bearer.scheme")
        .isEqualTo("bearer")
        .jsonPath("$.components.securitySchemes.bearer.bearerFormat")
        .isEqualTo("JWT")
        .jsonPath("$.paths['/greetings/mine'].get.security[0].bearer")
        .isEmpty()
        .jsonPath("$.paths['/greetings/mine'].get.responses['401']['$ref']")
        .isEqualTo("#/components/responses/Unauthorized")
        .jsonPath("$.paths['/greetings/public'].get.security[0]")
        .doesNotExist()
        .jsonPath("$.paths['/greetings/public'].get.responses['401']")
        .doesNotExist();
  }

  @Test
  void answersForbiddenOnlyWhereARoleIsNeeded() {
    document()
        .jsonPath("$.paths['/reports'].get.security[0].bearer[0]")
        .isEqualTo("AUDITOR")
        .jsonPath("$.paths['/reports'].get.responses['403']['$ref']")
        .isEqualTo("#/components/responses/Forbidden")
        .jsonPath("$.paths['/greetings/mine'].get.responses['403']")
        .doesNotExist();
  }

  @Test
  void documentsInputProblemsWhereThereIsInput() {
    document()
        .jsonPath("$.paths['/greetings'].post.responses['400']['$ref']")
        .isEqualTo("#/components/responses/BadRequest")
        .jsonPath("$.paths['/greetings'].post.responses['422']['$ref']")
        .isEqualTo("#/components/responses/ValidationFailed")
        .jsonPath("$.paths['/greetings/mine'].get.responses['422']['$ref']")
        .isEqualTo("#/components/responses/ValidationFailed")
        .jsonPath("$.paths['/greetings/public'].get.responses['422']")
        .doesNotExist()
        .jsonPath("$.paths['/greetings/public'].get.responses['400']")
        .doesNotExist();
  }

  @Test
  void documentsTheGatewaysAnswersOnEveryOperation() {
    document()
        .jsonPath("$.paths['/greetings/public'].get.responses['429']['$ref']")
        .isEqualTo("#/components/responses/TooManyRequests")
        .jsonPath("$.paths['/greetings/public'].get.responses['503']['$ref']")
        .isEqualTo("#/components/responses/ServiceUnavailable")
        .jsonPath("$.components.responses.TooManyRequests.headers['Retry-After']")
        .exists();
  }

  @Test
  void keepsAnAnswerTheOperationDocumentsItselfAsAProblem() {
    document()
        .jsonPath("$.paths['/greetings'].post.responses['401'].description")
        .isEqualTo("Only members leave greetings")
        .jsonPath(
            "$.paths['/greetings'].post.responses['401'].content['application/problem+json']"
                + ".schema['$ref']")
        .isEqualTo("#/components/schemas/ProblemDetail")
        .jsonPath("$.paths['/greetings'].post.responses['409'].description")
        .isEqualTo("Said already")
        .jsonPath("$.paths['/greetings'].post.responses['200'].content['*/*'].schema['$ref']")
        .isEqualTo("#/components/schemas/Greeting");
  }

  @Test
  void describesEveryProblemAsProblemJson() {
    document()
        .jsonPath(
            "$.components.responses.Unauthorized.content['application/problem+json'].schema['$ref']")
        .isEqualTo("#/components/schemas/ProblemDetail")
        .jsonPath("$.components.schemas.ProblemDetail.required")
        .value(
            required ->
                assertThat(required)
                    .asInstanceOf(LIST)
                    .containsExactlyInAnyOrder("type", "title", "status"))
        .jsonPath("$.components.schemas.ProblemDetail.properties.traceId")
        .exists();
  }

  private BodyContentSpec document() {
    return client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody();
  }
}
