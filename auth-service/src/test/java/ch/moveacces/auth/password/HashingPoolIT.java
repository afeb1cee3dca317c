package ch.moveacces.auth.password;

import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.REDIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.ServiceIT;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** The real Argon2id cost (64 MiB, t=3, p=1) behind a pool of one thread and a queue of one. */
@ServiceIT(
    engines = {DATABASE, REDIS},
    account = ServiceAccount.AUTH,
    properties = {
      "moveacces.auth.dev-ephemeral-key=true",
      "moveacces.auth.argon2.threads=1",
      "moveacces.auth.argon2.queue=1",
      "moveacces.auth.argon2.retry-after=2s"
    })
class HashingPoolIT {

  @Autowired WebTestClient client;
  @LocalServerPort int port;

  @Test
  void answersAFullPoolWith503AndRetryAfter() {
    WebClient web = WebClient.create("http://127.0.0.1:" + port);

    List<ResponseEntity<String>> answers =
        Flux.range(0, 6)
            .flatMap(
                i ->
                    web.post()
                        .uri("/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", "nobody" + i + "@example.ch", "password", "x"))
                        .exchangeToMono(response -> response.toEntity(String.class)),
                6)
            .collectList()
            .block(Duration.ofSeconds(30));

    assertThat(answers).extracting(a -> a.getStatusCode().value()).contains(401, 503);
    ResponseEntity<String> busy =
        answers.stream().filter(a -> a.getStatusCode().value() == 503).findFirst().orElseThrow();
    assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    assertThat(busy.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(busy.getBody()).contains("https://moveacces.ch/problems/busy");
  }

  @Test
  void takesAboutAsLongForAnUnknownEmailAsForAWrongPassword() {
    String email = AuthClient.newEmail();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> new AuthClient(client).register(email));

    long[] wrongPassword = new long[5];
    long[] unknownEmail = new long[5];
    // interleaved, so that a noisy neighbour on the machine slows both alike
    for (int i = 0; i < wrongPassword.length; i++) {
      wrongPassword[i] = millis(() -> failedLogin(email));
      unknownEmail[i] = millis(() -> failedLogin(AuthClient.newEmail()));
    }

    // Both pay one Argon2id verification; a lookup alone would answer in a few milliseconds.
    assertThat(median(unknownEmail)).isGreaterThan(median(wrongPassword) / 3);
    assertThat(median(wrongPassword)).isGreaterThan(median(unknownEmail) / 3);
  }

  @Test
  void storesHashesWithTheConfiguredCost() throws Exception {
    String email = AuthClient.newEmail();
    // another test may still be filling the pool of one
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> new AuthClient(client).register(email));

    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement query =
            admin.prepareStatement(
                "SELECT password_hash FROM moveacces.acces_app WHERE email = ?")) {
      query.setString(1, email);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertThat(row.getString(1)).startsWith("$argon2id$v=19$m=65536,t=3,p=1$");
      }
    }
  }

  private void failedLogin(String email) {
    client
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", "not the password at all"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  private static long millis(Runnable login) {
    long start = System.nanoTime();
    login.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @Test
  void signsInTheSeedUserWithItsSeededHash() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        new AuthClient(client)
                            .login("diogofebre@gmail.com", "TestPassword123!")
                            .accessToken())
                    .isNotBlank());
  }
}
