package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.token.ActiveSessions;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AuthenticationIT extends GatewayITSupport {

  /** A forged or unusable token, made for a session that is active. */
  static Stream<Arguments> refusedTokens() {
    return Stream.of(
        Arguments.of("alg none", forge(claims -> TestTokens.unsigned(claims.build()))),
        Arguments.of(
            "HS256 keyed with the public key",
            forge(claims -> tokens.hs256WithPublicKey(claims.build()))),
        Arguments.of(
            "expired beyond the clock skew",
            forge(
                claims ->
                    tokens.signed(
                        claims
                            .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(16))))
                            .expirationTime(Date.from(Instant.now().minusSeconds(31)))
                            .build()))),
        Arguments.of(
            "not valid before a future time beyond the clock skew",
            forge(
                claims ->
                    tokens.signed(
                        claims.notBeforeTime(Date.from(Instant.now().plusSeconds(60))).build()))),
        Arguments.of(
            "wrong issuer", forge(claims -> tokens.signed(claims.issuer("someone-else").build()))),
        Arguments.of(
            "wrong audience",
            forge(claims -> tokens.signed(claims.audience("another-api").build()))),
        Arguments.of(
            "tampered payload",
            forge(
                claims ->
                    tokens.tampered(
                        tokens.signed(claims.build()),
                        claims.claim("roles", java.util.List.of("ADMIN")).build()))),
        Arguments.of(
            "signed by an unknown key", forge(claims -> tokens.signedByUnknownKey(claims.build()))),
        Arguments.of(
            "without a session id",
            forge(claims -> tokens.signed(claims.claim("sid", null).build()))),
        Arguments.of("not a JWT", (Function<String, String>) sid -> "not.a.token"));
  }

  private static Function<String, String> forge(Function<JWTClaimsSet.Builder, String> forgery) {
    return sessionId -> forgery.apply(TestTokens.claims(aSubject(), sessionId));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void refusesForgedAndUnusableTokens(String what, Function<String, String> token) {
    String sessionId = UUID.randomUUID().toString();
    redis.opsForValue().set(ActiveSessions.key(sessionId), "1").retry(3).block();
    String id = anId();

    client
        .get()
        .uri("/users/me?id=" + id)
        .headers(h -> h.setBearerAuth(token.apply(sessionId)))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized");
    assertThat(services.requests()).noneMatch(request -> id.equals(request.id()));
  }

  @Test
  void refusesARequestWithoutAToken() {
    client
        .get()
        .uri("/users/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void refusesTheTokenOfASessionThatHasEnded() {
    String sessionId = UUID.randomUUID().toString();
    redis.opsForValue().set(ActiveSessions.key(sessionId), "1").retry(3).block();
    String token = tokens.valid(aSubject(), sessionId);
    client
        .get()
        .uri("/users/me")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();

    redis.delete(ActiveSessions.key(sessionId)).block();

    client
        .get()
        .uri("/users/me")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
  }

  @Test
  void acceptsATokenWithinTheClockSkew() {
    String sessionId = UUID.randomUUID().toString();
    redis.opsForValue().set(ActiveSessions.key(sessionId), "1").retry(3).block();
    String token =
        tokens.with(
            aSubject(),
            sessionId,
            claims ->
                claims
                    .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(15))))
                    .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(20)))));

    client
        .get()
        .uri("/users/me")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void passesAValidTokenOfAnActiveSessionOnUnchanged() {
    String id = anId();
    String token = activeSessionToken(aSubject());

    client
        .get()
        .uri("/users/me?id=" + id)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-User-Id", "1")
        .exchange()
        .expectStatus()
        .isOk();

    StandInService.Request seen = services.request(id);
    assertThat(seen.header("Authorization")).isEqualTo("Bearer " + token);
    assertThat(seen.header("X-User-Id")).isNull();
  }

  @Test
  void letsThePublicEndpointsThroughWithoutAToken() {
    client
        .post()
        .uri("/auth/register")
        .header("X-Forwarded-For", anIp())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
    client
        .post()
        .uri("/auth/refresh")
        .header("X-Forwarded-For", anIp())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();
    client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
    client.post().uri("/auth/logout-all").exchange().expectStatus().isUnauthorized();
  }
}
