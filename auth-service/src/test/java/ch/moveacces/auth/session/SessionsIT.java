package ch.moveacces.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.RedisKeys;
import ch.moveacces.auth.RunningAuthService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunningAuthService
class SessionsIT {

  @Autowired WebTestClient client;

  @Test
  void logoutEndsTheSessionAtOnce() {
    AuthClient auth = new AuthClient(client);
    Tokens tokens = auth.registerAndLogin();

    client
        .post()
        .uri("/auth/logout")
        .headers(h -> h.setBearerAuth(tokens.accessToken()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", tokens.refreshToken()))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(RedisKeys.sessionExists(tokens.sessionId())).isFalse();
    sessions(tokens.accessToken()).expectStatus().isUnauthorized();
    auth.refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
  }

  @Test
  void listsTheUsersSessionsAndMarksTheCurrentOne() {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    auth.register(email);
    Tokens phone = auth.login(email, AuthClient.PASSWORD);
    Tokens laptop =
        AuthClient.tokens(
            client
                .post()
                .uri("/auth/login")
                .header("User-Agent", "Laptop/2.0")
                // as the gateway writes it: the one address it resolved
                .header("X-Forwarded-For", "203.0.113.7")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", AuthClient.PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody());

    List<Map<String, Object>> listed =
        sessions(laptop.accessToken())
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
            .returnResult()
            .getResponseBody();

    assertThat(listed)
        .extracting(s -> s.get("id"))
        .containsExactlyInAnyOrder(phone.sessionId(), laptop.sessionId());
    Map<String, Object> current =
        listed.stream()
            .filter(s -> s.get("id").equals(laptop.sessionId()))
            .findFirst()
            .orElseThrow();
    assertThat(current)
        .containsEntry("current", true)
        .containsEntry("user_agent", "Laptop/2.0")
        .containsEntry("ip", "203.0.113.7")
        .containsKeys("created_at", "last_used_at");
    assertThat(
            listed.stream()
                .filter(s -> s.get("id").equals(phone.sessionId()))
                .findFirst()
                .orElseThrow())
        .containsEntry("current", false);
  }

  @Test
  void endsAnotherOfMySessions() {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    auth.register(email);
    Tokens first = auth.login(email, AuthClient.PASSWORD);
    Tokens second = auth.login(email, AuthClient.PASSWORD);

    client
        .delete()
        .uri("/auth/sessions/{id}", first.sessionId())
        .headers(h -> h.setBearerAuth(second.accessToken()))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(RedisKeys.sessionExists(first.sessionId())).isFalse();
    assertThat(RedisKeys.sessionExists(second.sessionId())).isTrue();
  }

  @Test
  void cannotEndAnotherUsersSession() {
    AuthClient auth = new AuthClient(client);
    Tokens mine = auth.registerAndLogin();
    Tokens theirs = auth.registerAndLogin();

    client
        .delete()
        .uri("/auth/sessions/{id}", theirs.sessionId())
        .headers(h -> h.setBearerAuth(mine.accessToken()))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/session-not-found");

    assertThat(RedisKeys.sessionExists(theirs.sessionId())).isTrue();
  }

  @Test
  void logoutAllEndsEverySessionOfTheUser() {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    long userId = auth.register(email);
    Tokens first = auth.login(email, AuthClient.PASSWORD);
    Tokens second = auth.login(email, AuthClient.PASSWORD);
    Tokens someoneElse = auth.registerAndLogin();

    client
        .post()
        .uri("/auth/logout-all")
        .headers(h -> h.setBearerAuth(second.accessToken()))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(RedisKeys.sessionExists(first.sessionId())).isFalse();
    assertThat(RedisKeys.sessionExists(second.sessionId())).isFalse();
    assertThat(RedisKeys.userSessions(userId)).isEmpty();
    assertThat(RedisKeys.sessionExists(someoneElse.sessionId())).isTrue();
  }

  @Test
  void refusesRequestsWithoutAValidAccessToken() {
    client
        .get()
        .uri("/auth/sessions")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    sessions("not.a.token").expectStatus().isUnauthorized();
    Tokens tokens = new AuthClient(client).registerAndLogin();
    String[] parts = tokens.accessToken().split("\\.");
    String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
    sessions(unsigned).expectStatus().isUnauthorized();
  }

  private WebTestClient.ResponseSpec sessions(String accessToken) {
    return client.get().uri("/auth/sessions").headers(h -> h.setBearerAuth(accessToken)).exchange();
  }
}
