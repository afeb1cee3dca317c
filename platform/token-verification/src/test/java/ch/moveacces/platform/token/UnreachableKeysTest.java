package ch.moveacces.platform.token;

import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.tokenFor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = TinyResourceService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=tiny-resource-service")
@AutoConfigureWebTestClient
class UnreachableKeysTest {

  @Autowired WebTestClient client;

  @DynamicPropertySource
  static void nobodyListens(DynamicPropertyRegistry registry) {
    try (ServerSocket socket = new ServerSocket(0)) {
      int closedPort = socket.getLocalPort();
      registry.add(
          "moveacces.tokens.jwk-set-uri", () -> "http://127.0.0.1:" + closedPort + "/jwks.json");
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  @Test
  void answersServiceUnavailableNotUnauthorizedWhenTheKeysCannotBeFetched() {
    client
        .get()
        .uri("/whoami")
        .headers(headers -> headers.setBearerAuth(tokenFor("42", newKey("any"))))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/service-unavailable");
  }
}
