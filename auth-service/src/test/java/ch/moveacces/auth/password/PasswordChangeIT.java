package ch.moveacces.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.RedisKeys;
import ch.moveacces.auth.RunningAuthService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunningAuthService
class PasswordChangeIT {

  private static final String NEW_PASSWORD = "a brand new passphrase 2026";

  @Autowired WebTestClient client;

  @Test
  void changesThePasswordAndEndsEveryOtherSession() {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    auth.register(email);
    Tokens other = auth.login(email, AuthClient.PASSWORD);
    Tokens current = auth.login(email, AuthClient.PASSWORD);

    change(current, AuthClient.PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

    assertThat(RedisKeys.sessionExists(other.sessionId())).isFalse();
    assertThat(RedisKeys.sessionExists(current.sessionId())).isTrue();
    auth.login(email, NEW_PASSWORD);
    client
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", AuthClient.PASSWORD))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void refusesAWrongCurrentPassword() {
    Tokens tokens = new AuthClient(client).registerAndLogin();

    change(tokens, "not my password at all", NEW_PASSWORD)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("current_password");
  }

  @Test
  void appliesThePolicyToTheNewPassword() {
    Tokens tokens = new AuthClient(client).registerAndLogin();

    change(tokens, AuthClient.PASSWORD, "too short")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("new_password");
  }

  private WebTestClient.ResponseSpec change(Tokens tokens, String current, String next) {
    return client
        .post()
        .uri("/auth/password")
        .headers(h -> h.setBearerAuth(tokens.accessToken()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("current_password", current, "new_password", next))
        .exchange();
  }
}
