package ch.moveacces.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient.Tokens;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Passwords, tokens and refresh cookies never reach a log line, even with debug logging on.
 *
 * <p>Request and response records hide their secrets in {@code toString}, which Spring's debug
 * logging prints; the test turns debug logging on and reads every line.
 */
@RunningAuthService
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedIT {

  private static final List<String> VERBOSE =
      List.of(
          "ch.moveacces",
          "org.springframework.web",
          "org.springframework.r2dbc",
          "io.lettuce.core");

  @Autowired WebTestClient client;
  @Autowired LoggingSystem logging;

  @BeforeEach
  void debugEverythingRelevant() {
    VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
  }

  @AfterEach
  void quietAgain() {
    VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
  }

  /**
   * The test's own HTTP client logs what it sends and receives on its {@code reactor-http-*}
   * threads (and the test's {@code main}); only the service's lines are the service's logs.
   */
  private static String serviceLines(CapturedOutput output) {
    return output
        .getAll()
        .lines()
        .filter(line -> !line.contains("\"thread\":{\"name\":\"reactor-http-"))
        .filter(line -> !line.contains("\"thread\":{\"name\":\"main\""))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void logsNoPasswordAccessTokenNorRefreshToken(CapturedOutput output) {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    auth.register(email);
    Tokens tokens = auth.login(email, AuthClient.PASSWORD);
    Tokens refreshed = auth.refreshed(tokens.refreshToken());
    client
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", "a wrong password here"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    client
        .post()
        .uri("/auth/logout")
        .headers(h -> h.setBearerAuth(refreshed.accessToken()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", refreshed.refreshToken()))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(serviceLines(output))
        .as("debug logging was on")
        .contains("/auth/login")
        .doesNotContain(AuthClient.PASSWORD)
        .doesNotContain("a wrong password here")
        .doesNotContain(tokens.accessToken())
        .doesNotContain(tokens.refreshToken())
        .doesNotContain(refreshed.accessToken())
        .doesNotContain(refreshed.refreshToken());
  }

  @Test
  void logsNoRefreshCookie(CapturedOutput output) {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);
    String first =
        webCookie(
            client
                .post()
                .uri("/auth/login")
                .header("X-Moveacces-Client", "web")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", AuthClient.PASSWORD))
                .exchange());
    String second =
        webCookie(
            client
                .post()
                .uri("/auth/refresh")
                .header("X-Moveacces-Client", "web")
                .cookie("moveacces_refresh", first)
                .exchange());
    client
        .post()
        .uri("/auth/logout")
        .header("X-Moveacces-Client", "web")
        .cookie("moveacces_refresh", second)
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(serviceLines(output))
        .as("debug logging was on")
        .contains("/auth/logout")
        .doesNotContain(first)
        .doesNotContain(second);
  }

  private static String webCookie(WebTestClient.ResponseSpec response) {
    ResponseCookie cookie =
        response
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseCookies()
            .getFirst("moveacces_refresh");
    assertThat(cookie).isNotNull();
    return cookie.getValue();
  }
}
