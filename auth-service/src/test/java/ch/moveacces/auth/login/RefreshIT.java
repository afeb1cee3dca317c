package ch.moveacces.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.RedisKeys;
import ch.moveacces.auth.RunningAuthService;
import ch.moveacces.auth.TestClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

@RunningAuthService
class RefreshIT {

  private static final Duration PAST_GRACE = Duration.ofSeconds(21);

  @Autowired WebTestClient client;
  @Autowired TestClock clock;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @Test
  void rotatesTheRefreshTokenOnEveryUse() {
    AuthClient auth = new AuthClient(client);
    Tokens first = auth.registerAndLogin();
    String hashBefore = RedisKeys.session(first.sessionId()).get("refresh_hash");

    Tokens second = auth.refreshed(first.refreshToken());
    Tokens third = auth.refreshed(second.refreshToken());

    assertThat(second.sessionId()).isEqualTo(first.sessionId());
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken());
    assertThat(RedisKeys.session(first.sessionId()).get("refresh_hash"))
        .isNotEqualTo(hashBefore)
        .hasSize(64);
  }

  @Test
  void racingRefreshesWithinTheGraceWindowBothGetTheSamePair() {
    Tokens tokens = new AuthClient(client).registerAndLogin();
    WebClient web = WebClient.create("http://127.0.0.1:" + port);

    Tuple2<Map<String, Object>, Map<String, Object>> both =
        Mono.zip(refresh(web, tokens.refreshToken()), refresh(web, tokens.refreshToken()))
            .block(Duration.ofSeconds(10));

    assertThat(both).isNotNull();
    assertThat(both.getT1()).isEqualTo(both.getT2());
    assertThat(RedisKeys.sessionExists(tokens.sessionId())).isTrue();
  }

  @Test
  void aRotatedTokenReusedWithinTheGraceWindowGetsTheSamePairAgain() {
    AuthClient auth = new AuthClient(client);
    Tokens tokens = auth.registerAndLogin();
    Tokens next = auth.refreshed(tokens.refreshToken());

    clock.advance(Duration.ofSeconds(15));

    assertThat(auth.refreshed(tokens.refreshToken())).isEqualTo(next);
    assertThat(auth.refreshed(next.refreshToken()).sessionId()).isEqualTo(tokens.sessionId());
  }

  @Test
  void aRotatedTokenReusedAfterTheGraceWindowRevokesTheWholeSession() {
    AuthClient auth = new AuthClient(client);
    Tokens tokens = auth.registerAndLogin();
    Tokens next = auth.refreshed(tokens.refreshToken());
    double reusesBefore = reuses();

    clock.advance(PAST_GRACE);

    auth.refresh(tokens.refreshToken())
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/invalid-refresh-token");
    assertThat(RedisKeys.sessionExists(tokens.sessionId())).isFalse();
    assertThat(reuses())
        .as("auth.refresh.token.reuse, for the operators' alert")
        .isEqualTo(reusesBefore + 1);
    auth.refresh(next.refreshToken()).expectStatus().isUnauthorized();
    client
        .get()
        .uri("/auth/sessions")
        .headers(h -> h.setBearerAuth(next.accessToken()))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  private double reuses() {
    Counter counter = meters.find("auth.refresh.token.reuse").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void refusesAnUnknownRefreshToken() {
    new AuthClient(client)
        .refresh("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .expectStatus()
        .isUnauthorized();
  }

  private static Mono<Map<String, Object>> refresh(WebClient web, String refreshToken) {
    return web.post()
        .uri("/auth/refresh")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", refreshToken))
        .retrieve()
        .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {});
  }
}
