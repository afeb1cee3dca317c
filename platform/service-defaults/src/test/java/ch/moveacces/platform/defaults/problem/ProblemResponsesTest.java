package ch.moveacces.platform.defaults.problem;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.defaults.TinyService;
import ch.moveacces.platform.defaults.tracing.TraceIdResponseHeader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

@SpringBootTest(
    classes = TinyService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=tiny-service")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

  @Autowired WebTestClient client;

  @Test
  void answersAnUnknownPathWithANotFoundProblem() {
    EntityExchangeResult<byte[]> result =
        expectProblem(client.get().uri("/nowhere").exchange(), 404, "not-found", "Not Found")
            .jsonPath("$.instance")
            .isEqualTo("/nowhere")
            .returnResult();
    assertThat(body(result)).doesNotContain("static resource");
  }

  @Test
  void answersAWrongMethodWithAMethodNotAllowedProblemNamingTheAllowedOne() {
    client.get().uri("/greetings").exchange().expectHeader().valueEquals(HttpHeaders.ALLOW, "POST");
    expectProblem(
        client.get().uri("/greetings").exchange(), 405, "method-not-allowed", "Method Not Allowed");
  }

  @Test
  void answersAnUnsupportedContentTypeWithAnUnsupportedMediaTypeProblem() {
    expectProblem(
        client
            .post()
            .uri("/greetings")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("Anna")
            .exchange(),
        415,
        "unsupported-media-type",
        "Unsupported Media Type");
  }

  @Test
  void answersAMalformedBodyWithABadRequestProblem() {
    EntityExchangeResult<byte[]> result =
        expectProblem(
                client
                    .post()
                    .uri("/greetings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": ")
                    .exchange(),
                400,
                "bad-request",
                "Bad Request")
            .returnResult();
    assertThat(body(result)).doesNotContain("tools.jackson", "Greeting", "Exception");
  }

  @Test
  void answersAFailureWithAGenericServerErrorAndLogsItWithTheTraceId(CapturedOutput output) {
    EntityExchangeResult<byte[]> result =
        expectProblem(
                client.get().uri("/broken").exchange(),
                500,
                "internal-error",
                "Internal Server Error")
            .jsonPath("$.detail")
            .isEqualTo("The server could not complete the request; it has been logged.")
            .returnResult();
    assertThat(body(result))
        .doesNotContain(
            "IllegalStateException", "SELECT", "internal_accounts", "SecretRepository", "at ch.");
    String traceId = result.getResponseHeaders().getFirst(TraceIdResponseHeader.NAME);
    assertThat(output.getOut())
        .contains("\"traceId\":\"" + traceId + "\"")
        .contains("SecretRepository");
  }

  @Test
  void answersAnEventThatBreaksItsSchemaWithAGenericServerError() {
    EntityExchangeResult<byte[]> result =
        expectProblem(
                client.get().uri("/event-breaks-schema").exchange(),
                500,
                "internal-error",
                "Internal Server Error")
            .returnResult();
    assertThat(body(result)).doesNotContain("client_ip", "ipv4", "EventSchemaViolation");
    assertThat(result.getResponseHeaders().getFirst(TraceIdResponseHeader.NAME))
        .matches("[0-9a-f]{32}");
  }

  @Test
  void answersARefusedUpstreamConnectionWithABadGatewayProblem() {
    EntityExchangeResult<byte[]> result =
        expectProblem(client.get().uri("/upstream").exchange(), 502, "bad-gateway", "Bad Gateway")
            .returnResult();
    assertThat(body(result)).doesNotContain("10.1.2.3", "Connection refused");
  }

  @Test
  void givesAControllersProblemTheSameTypeSchemeAndKeepsItsDetail() {
    expectProblem(client.get().uri("/members/42").exchange(), 404, "not-found", "Not Found")
        .jsonPath("$.detail")
        .isEqualTo("No member 42.");
  }

  @Test
  void keepsTheTypeTitleAndDetailOfADomainProblem() {
    client
        .put()
        .uri("/memberships/7/activation")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemTypes.BASE + "membership-already-active")
        .jsonPath("$.title")
        .isEqualTo("Membership already active")
        .jsonPath("$.detail")
        .isEqualTo("This membership is already active.")
        .jsonPath("$.instance")
        .isEqualTo("/memberships/7/activation")
        .jsonPath("$.traceId")
        .isNotEmpty();
  }

  @Test
  void putsTheTraceIdOnEveryResponseAndInTheProblem() {
    EntityExchangeResult<byte[]> ok =
        client
            .post()
            .uri("/greetings")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\":\"Anna\"}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Hello Anna")
            .returnResult();
    assertThat(ok.getResponseHeaders().getFirst(TraceIdResponseHeader.NAME))
        .matches("[0-9a-f]{32}");

    EntityExchangeResult<byte[]> problem =
        client.get().uri("/nowhere").exchange().expectBody().returnResult();
    String traceId = problem.getResponseHeaders().getFirst(TraceIdResponseHeader.NAME);
    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(body(problem)).contains("\"traceId\":\"" + traceId + "\"");
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
  }

  private static WebTestClient.BodyContentSpec expectProblem(
      ResponseSpec response, int status, String type, String title) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemTypes.BASE + type)
        .jsonPath("$.title")
        .isEqualTo(title)
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.detail")
        .isNotEmpty()
        .jsonPath("$.instance")
        .isNotEmpty()
        .jsonPath("$.traceId")
        .isNotEmpty()
        .jsonPath("$.trace")
        .doesNotExist()
        .jsonPath("$.exception")
        .doesNotExist();
  }
}
