package ch.moveacces.platform.token;

import static ch.moveacces.platform.token.testing.AccessTokens.claimsFor;
import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.sign;
import static ch.moveacces.platform.token.testing.AccessTokens.tokenFor;

import ch.moveacces.platform.token.testing.JwkSetServer;
import com.nimbusds.jose.jwk.ECKey;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = TinyResourceService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=tiny-resource-service",
      "moveacces.tokens.public-paths=/status",
      // no Redis here: its health would answer 503
      "management.health.redis.enabled=false"
    })
@AutoConfigureWebTestClient
class TokenSecurityChainTest {

  private static final ECKey KEY = newKey("chain-key");
  private static final JwkSetServer JWKS = JwkSetServer.start(KEY);

  @Autowired WebTestClient client;

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("moveacces.tokens.jwk-set-uri", () -> JWKS.uri().toString());
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @Test
  void letsAValidTokenThroughAndTellsWhoSentIt() {
    client
        .get()
        .uri("/whoami")
        .headers(headers -> headers.setBearerAuth(tokenFor("42", KEY)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.userId")
        .isEqualTo(42)
        .jsonPath("$.roles[0]")
        .isEqualTo("USER");
  }

  @Test
  void answersAMissingTokenWithAnUnauthorizedProblem() {
    client
        .get()
        .uri("/whoami")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized")
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.instance")
        .isEqualTo("/whoami")
        .jsonPath("$.traceId")
        .isNotEmpty();
  }

  @Test
  void answersAnInvalidTokenWithAnUnauthorizedProblemSayingNoMore() {
    client
        .get()
        .uri("/whoami")
        .headers(headers -> headers.setBearerAuth(tokenFor("42", newKey("chain-key"))))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized")
        .jsonPath("$.detail")
        .isEqualTo("The access token is invalid or expired.");
  }

  @Test
  void answersAMissingRoleWithAForbiddenProblem() {
    client
        .get()
        .uri("/audit/trail")
        .headers(headers -> headers.setBearerAuth(tokenFor("42", KEY)))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/forbidden");
  }

  @Test
  void letsTheRoleThroughThatTheRuleAsksFor() {
    String auditor = sign(claimsFor("9").claim("roles", List.of("USER", "AUDITOR")).build(), KEY);
    client
        .get()
        .uri("/audit/trail")
        .headers(headers -> headers.setBearerAuth(auditor))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void servesPublicPathsAndActuatorsWithoutAToken() {
    client.get().uri("/ping").exchange().expectStatus().isOk();
    client.get().uri("/status").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health").exchange().expectStatus().isOk();
  }

  @Test
  void keepsNoSessionAndSetsNoCookie() {
    client
        .get()
        .uri("/whoami")
        .headers(headers -> headers.setBearerAuth(tokenFor("42", KEY)))
        .exchange()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE);
  }
}
