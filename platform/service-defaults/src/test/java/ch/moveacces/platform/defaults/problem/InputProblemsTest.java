package ch.moveacces.platform.defaults.problem;

import ch.moveacces.platform.defaults.TinyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = TinyService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=tiny-service")
@AutoConfigureWebTestClient
class InputProblemsTest {

  @Autowired WebTestClient client;

  @Test
  void answersABeanValidationFailureWithTheFieldsAsTheClientNamedThem() {
    post("/members", "{\"first_name\": \" \", \"postal_code\": \"12\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemTypes.BASE + "validation-failed")
        .jsonPath("$.title")
        .isEqualTo("Validation failed")
        .jsonPath("$.status")
        .isEqualTo(422)
        .jsonPath("$.traceId")
        .isNotEmpty()
        .jsonPath("$.errors.length()")
        .isEqualTo(2)
        .jsonPath("$.errors[?(@.field == 'first_name')].message")
        .isNotEmpty()
        .jsonPath("$.errors[?(@.field == 'postal_code')].message")
        .isNotEmpty();
  }

  @Test
  void answersAValidationFailureThrownByAControllerWithItsFields() {
    post("/members/7/phone", "{\"name\": \"x\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemTypes.BASE + "validation-failed")
        .jsonPath("$.errors[0].field")
        .isEqualTo("tel")
        .jsonPath("$.errors[0].message")
        .isEqualTo("is not a phone number");
  }

  @Test
  void answersAValidationFailureOfAFunctionalEndpointTheSameWay() {
    post("/memberships", "{\"name\": \"x\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemTypes.BASE + "validation-failed")
        .jsonPath("$.instance")
        .isEqualTo("/memberships")
        .jsonPath("$.errors[0].field")
        .isEqualTo("abo_name")
        .jsonPath("$.errors[1].field")
        .isEqualTo("abo_price");
  }

  @Test
  void refusesAnUnknownFieldNamingIt() {
    post("/greetings", "{\"name\": \"Anna\", \"is_admin\": true}")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemTypes.BASE + "unknown-field")
        .jsonPath("$.detail")
        .isEqualTo("The field 'is_admin' is not accepted here.")
        .jsonPath("$.errors[0].field")
        .isEqualTo("is_admin");
  }

  @Test
  void refusesAnUnknownFieldInAFunctionalEndpointToo() {
    post("/memberships", "{\"name\": \"Anna\", \"role\": \"ADMIN\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemTypes.BASE + "unknown-field")
        .jsonPath("$.errors[0].field")
        .isEqualTo("role");
  }

  private WebTestClient.ResponseSpec post(String path, String json) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }
}
