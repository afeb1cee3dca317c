package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RateLimitIT extends GatewayITSupport {

  private WebTestClient.ResponseSpec login(String ip, String email) {
    return client
        .post()
        .uri("/auth/login")
        .header("X-Forwarded-For", ip)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"" + email + "\",\"password\":\"wrong password\"}")
        .exchange();
  }

  private static String anEmail() {
    return anId() + "@example.ch";
  }

  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  /** The path exactly as given: a URI template would encode its percent signs once more. */
  private URI raw(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private WebTestClient.ResponseSpec post(String rawPath, String ip, String body) {
    return client
        .post()
        .uri(raw(rawPath))
        .header("X-Forwarded-For", ip)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private double rejections(String policy) {
    Counter counter = meters.find("gateway.rate.limit.rejections").tag("policy", policy).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void refusesTheSixthLoginInAMinuteFromOneAddress() {
    String ip = anIp();
    double rejectedBefore = rejections("login-ip");
    for (int i = 1; i <= 5; i++) {
      login(ip, anEmail())
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueMatches("RateLimit-Policy", "\"login-ip\";q=5;w=60, \"login-email\";q=5;w=60")
          .expectHeader()
          .valueMatches(
              "RateLimit", "\"login-ip\";r=" + (5 - i) + ";t=\\d+, \"login-email\";r=4;t=\\d+");
    }

    login(ip, anEmail())
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60))
        .expectHeader()
        .valueEquals("RateLimit-Policy", "\"login-ip\";q=5;w=60")
        .expectHeader()
        .valueMatches("RateLimit", "\"login-ip\";r=0;t=\\d+")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/too-many-requests");

    login(anIp(), anEmail()).expectStatus().isOk();
    assertThat(rejections("login-ip")).isEqualTo(rejectedBefore + 1);
  }

  @Test
  void refusesTheSixthLoginInAMinuteForOneEmailFromAnyAddress() {
    String email = anEmail();
    for (int i = 0; i < 5; i++) {
      login(anIp(), email).expectStatus().isOk();
    }

    login(anIp(), "  " + email.toUpperCase() + " ")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectHeader()
        .valueMatches("RateLimit", ".*\"login-email\";r=0;t=\\d+");

    login(anIp(), anEmail()).expectStatus().isOk();
  }

  /** Routing and auth-service decode the path: so must the choice of limits. */
  @ParameterizedTest
  @ValueSource(strings = {"/auth/%6Cogin", "/%61uth/login", "/%61%75%74%68/%6c%6f%67%69%6e"})
  void countsAnEncodedLoginPathAsALogin(String path) {
    String ip = anIp();
    String email = anEmail();
    for (int i = 1; i <= 5; i++) {
      post(path, ip, "{\"email\":\"" + email + "\",\"password\":\"wrong password\"}")
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("RateLimit-Policy", "\"login-ip\";q=5;w=60, \"login-email\";q=5;w=60");
    }

    post(path, ip, "{\"email\":\"" + anEmail() + "\",\"password\":\"wrong password\"}")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals("RateLimit-Policy", "\"login-ip\";q=5;w=60");
    // the plain spelling shares the count of the encoded one
    login(anIp(), email).expectStatus().isEqualTo(429);
  }

  /**
   * Spellings that a decoding step could read as another path are refused by Spring Security's
   * firewall before anything is counted or routed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/auth/login;v=1", "/auth%2Flogin", "/auth/%2e/login", "/auth/%256Cogin"})
  void refusesAmbiguousSpellingsOfAPath(String path) {
    post(path, anIp(), "{}").expectStatus().isBadRequest();
  }

  @Test
  void countsEncodedRegisterAndRefreshPathsUnderTheirOwnPolicies() {
    post("/auth/regist%65r", anIp(), "{}")
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("RateLimit-Policy", "\"register\";q=10;w=3600");
    post("/auth/refres%68", anIp(), "{}")
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("RateLimit-Policy", "\"refresh\";q=30;w=60");
  }

  @Test
  void passesTheLoginBodyOnWhole() {
    String id = anId();
    String body = "{\"email\":\"" + anEmail() + "\",\"password\":\"p\"}";
    client
        .post()
        .uri("/auth/login?id=" + id)
        .header("X-Forwarded-For", anIp())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(new String(services.request(id).body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(body);
  }

  @Test
  void limitsRegistrationsPerAddressPerHour() {
    String ip = anIp();
    for (int i = 0; i < 10; i++) {
      client
          .post()
          .uri("/auth/register")
          .header("X-Forwarded-For", ip)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isOk();
    }
    client
        .post()
        .uri("/auth/register")
        .header("X-Forwarded-For", ip)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals("RateLimit-Policy", "\"register\";q=10;w=3600")
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(3500, 3600));
  }

  @Test
  void limitsTheApiPerUserWhateverTheAddress() {
    String token = activeSessionToken(aSubject());
    for (int i = 0; i < API_LIMIT; i++) {
      client
          .get()
          .uri("/users/me")
          .header("X-Forwarded-For", anIp())
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectStatus()
          .isOk();
    }

    client
        .get()
        .uri("/users/me")
        .header("X-Forwarded-For", anIp())
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals("RateLimit-Policy", "\"api\";q=" + API_LIMIT + ";w=300")
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER);

    client
        .get()
        .uri("/users/me")
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .exchange()
        .expectStatus()
        .isOk();
  }
}
