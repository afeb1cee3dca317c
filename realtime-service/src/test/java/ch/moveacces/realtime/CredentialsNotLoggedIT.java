package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.realtime.Members.Member;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Tokens and tickets in the socket's URL, in its messages and in ticket responses never reach a log
 * line, even with the web, security and Netty loggers at TRACE.
 */
@RunningRealtimeService
@ExtendWith(OutputCaptureExtension.class)
class CredentialsNotLoggedIT {

  private static final List<String> LOGGERS =
      List.of(
          "org.springframework.web",
          "org.springframework.http",
          "org.springframework.security",
          "reactor.netty",
          "ch.moveacces");

  private static final Pattern CLIENT_LOGGER =
      Pattern.compile(
          "\"logger\":\"(reactor\\.netty\\.http\\.client\\.|org\\.springframework\\.web\\.reactive\\.(socket|function)\\.client\\.|org\\.springframework\\.test\\.)");

  /** Reactor Netty's client event loop; the server's threads are {@code webflux-http-…}. */
  private static final String CLIENT_THREAD = "\"name\":\"reactor-http-";

  @Autowired WebTestClient client;
  @LocalServerPort int port;

  private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

  @BeforeEach
  void traceEverything() {
    LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
  }

  @AfterEach
  void quietAgain() {
    LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
  }

  @Test
  void neverLogsATokenOrATicket(CapturedOutput output) {
    Member member = Members.signIn();
    String token = member.token();
    String freshToken = member.token();
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    String ticket =
        client
            .post()
            .uri("/realtime/ticket")
            .headers(headers -> headers.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .path("ticket")
            .asString();

    try (TestSocket byTicket = TestSocket.open(uri("ticket=" + ticket)).ready();
        TestSocket byToken = TestSocket.open(uri("token=" + token)).ready();
        TestSocket reused = TestSocket.open(uri("ticket=" + ticket));
        TestSocket refused = TestSocket.open(uri("token=" + forged))) {
      byToken.send("{\"type\":\"auth\",\"token\":\"" + freshToken + "\"}");
      byToken.expect("auth_ok", Duration.ofSeconds(2));
      assertThat(reused.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4401);
      assertThat(refused.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4401);
    }

    String serverLog = serverLines(output);
    assertThat(serverLog).contains("/ws").contains("/realtime/ticket");
    for (String secret : List.of(token, freshToken, forged, ticket)) {
      assertThat(serverLog).doesNotContain(secret);
      // nor its signature or random part alone
      assertThat(serverLog).doesNotContain(secret.substring(secret.length() - 40));
    }
  }

  /**
   * The application's lines: the test's own clients (WebSocket and HTTP) run in the same process
   * and log the URLs they open, as a device's own logs would.
   */
  private static String serverLines(CapturedOutput output) {
    return output
        .getAll()
        .lines()
        .filter(line -> !CLIENT_LOGGER.matcher(line).find() && !line.contains(CLIENT_THREAD))
        .collect(Collectors.joining("\n"));
  }

  private URI uri(String query) {
    return URI.create("ws://127.0.0.1:" + port + "/ws?" + query);
  }
}
