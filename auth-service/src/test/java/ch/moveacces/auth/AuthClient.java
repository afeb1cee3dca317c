package ch.moveacces.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The API as a client uses it, for tests that need a user or a session to start from. */
public final class AuthClient {

  public static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  private final WebTestClient client;

  public AuthClient(WebTestClient client) {
    this.client = client;
  }

  /** An email nobody has used yet in this test JVM. */
  public static String newEmail() {
    return "user"
        + COUNT.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8)
        + "@example.ch";
  }

  public static Map<String, Object> registration(String email, String password) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", email);
    body.put("password", password);
    body.put("nom", "Muster");
    body.put("prenom", "Anna");
    return body;
  }

  public long register(String email) {
    Map<String, Object> created =
        client
            .post()
            .uri("/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(registration(email, PASSWORD))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();
    assertThat(created).containsKey("user_id");
    return ((Number) created.get("user_id")).longValue();
  }

  public Tokens login(String email, String password) {
    return tokens(
        client
            .post()
            .uri("/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody());
  }

  public Tokens registerAndLogin() {
    String email = newEmail();
    register(email);
    return login(email, PASSWORD);
  }

  public WebTestClient.ResponseSpec refresh(String refreshToken) {
    return client
        .post()
        .uri("/auth/refresh")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", refreshToken))
        .exchange();
  }

  public Tokens refreshed(String refreshToken) {
    return tokens(
        refresh(refreshToken)
            .expectStatus()
            .isOk()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody());
  }

  public static Tokens tokens(Map<String, Object> body) {
    assertThat(body).isNotNull();
    return new Tokens(
        (String) body.get("access_token"),
        (String) body.get("refresh_token"),
        (String) body.get("session_id"));
  }

  /** What login and refresh hand out. */
  public record Tokens(String accessToken, String refreshToken, String sessionId) {}
}
