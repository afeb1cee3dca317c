package ch.moveacces.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.RedisKeys;
import ch.moveacces.auth.RunningAuthService;
import ch.moveacces.auth.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The web app keeps its refresh token in an {@code HttpOnly} cookie it cannot read; only requests
 * with {@code X-Moveacces-Client: web} from an app origin (or without an Origin) may use it.
 *
 * <p>Covered: the cookie's attributes on login, rotation and reuse; logout with the cookie alone
 * and the cookie cleared; 403 {@code csrf-rejected} for the cookie without the header and for a
 * foreign {@code Origin} on login, refresh and logout; a native client's body and logout unchanged.
 */
@RunningAuthService
class RefreshCookieIT {

  private static final String COOKIE = "moveacces_refresh";
  private static final String WEB_HEADER = "X-Moveacces-Client";
  private static final String APP_ORIGIN = "http://localhost:5173";
  private static final String FOREIGN_ORIGIN = "https://evil.example";
  private static final String CSRF_REJECTED = "https://moveacces.ch/problems/csrf-rejected";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @Autowired WebTestClient client;
  @Autowired TestClock clock;

  @Test
  void aWebLoginSetsTheRefreshTokenAsACookiePageScriptCannotReadAndLeavesItOutOfTheBody() {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);

    EntityExchangeResult<Map<String, Object>> result =
        webLogin(email, h -> h.setOrigin(APP_ORIGIN))
            .expectStatus()
            .isOk()
            .expectCookie()
            .httpOnly(COOKIE, true)
            .expectCookie()
            .secure(COOKIE, true)
            .expectCookie()
            .sameSite(COOKIE, "Strict")
            .expectCookie()
            .path(COOKIE, "/auth")
            .expectCookie()
            .maxAge(COOKIE, Duration.ofHours(24))
            .expectBody(JSON)
            .returnResult();

    Map<String, Object> body = result.getResponseBody();
    assertThat(body)
        .containsOnlyKeys(
            "access_token", "token_type", "expires_in", "refresh_expires_in", "session_id")
        .containsEntry("refresh_expires_in", 86400);
    String refreshToken = cookie(result).getValue();
    assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");
    assertThat(RedisKeys.sessionExists((String) body.get("session_id"))).isTrue();
    assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).hasSize(1);
  }

  @Test
  void aNativeLoginKeepsItsJsonBodyAndGetsNoCookie() {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);

    client
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", AuthClient.PASSWORD))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE)
        .expectBody(JSON)
        .value(
            body ->
                assertThat(body)
                    .containsOnlyKeys(
                        "access_token",
                        "refresh_token",
                        "token_type",
                        "expires_in",
                        "refresh_expires_in",
                        "session_id"));
  }

  @Test
  void aRefreshWithTheCookieRotatesItAndTheOldOneEndsTheSessionOnceReused() {
    String first = webSignIn();

    EntityExchangeResult<Map<String, Object>> refreshed =
        webRefresh(first, h -> h.setOrigin(APP_ORIGIN))
            .expectStatus()
            .isOk()
            .expectCookie()
            .httpOnly(COOKIE, true)
            .expectCookie()
            .sameSite(COOKIE, "Strict")
            .expectCookie()
            .path(COOKIE, "/auth")
            .expectCookie()
            .maxAge(COOKIE, Duration.ofHours(24))
            .expectBody(JSON)
            .returnResult();
    String second = cookie(refreshed).getValue();
    String sessionId = (String) refreshed.getResponseBody().get("session_id");

    assertThat(refreshed.getResponseBody()).doesNotContainKey("refresh_token");
    assertThat(second).isNotEqualTo(first).matches("[A-Za-z0-9_-]{43}");
    webRefresh(second, h -> {}).expectStatus().isOk();

    clock.advance(Duration.ofSeconds(21));

    webRefresh(first, h -> {})
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/invalid-refresh-token");
    assertThat(RedisKeys.sessionExists(sessionId)).isFalse();
  }

  @Test
  void aWebRefreshWithoutTheCookieIsAnInvalidRefreshToken() {
    client
        .post()
        .uri("/auth/refresh")
        .header(WEB_HEADER, "web")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/invalid-refresh-token");
  }

  @Test
  void refusesTheCookieWithoutTheWebHeader() {
    String refreshToken = webSignIn();

    csrfRejected(
        client
            .post()
            .uri("/auth/refresh")
            .cookie(COOKIE, refreshToken)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", refreshToken))
            .exchange());
    csrfRejected(client.post().uri("/auth/logout").cookie(COOKIE, refreshToken).exchange());

    webRefresh(refreshToken, h -> {}).expectStatus().isOk();
  }

  @Test
  void refusesAWebRequestFromAForeignOrigin() {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);
    String refreshToken = webSignIn();

    csrfRejected(webLogin(email, h -> h.setOrigin(FOREIGN_ORIGIN)));
    csrfRejected(webRefresh(refreshToken, h -> h.setOrigin(FOREIGN_ORIGIN)));
    csrfRejected(webLogout(refreshToken, h -> h.setOrigin(FOREIGN_ORIGIN)));
    csrfRejected(webRefresh(refreshToken, h -> h.setOrigin("null")));

    webRefresh(refreshToken, h -> h.setOrigin(APP_ORIGIN)).expectStatus().isOk();
  }

  @Test
  void aCookieLogoutWithoutAnAccessTokenEndsTheSessionAndClearsTheCookie() {
    EntityExchangeResult<Map<String, Object>> login =
        webLogin(newUser(), h -> {}).expectStatus().isOk().expectBody(JSON).returnResult();
    String refreshToken = cookie(login).getValue();
    String sessionId = (String) login.getResponseBody().get("session_id");

    webLogout(refreshToken, h -> h.setOrigin(APP_ORIGIN))
        .expectStatus()
        .isNoContent()
        .expectCookie()
        .valueEquals(COOKIE, "")
        .expectCookie()
        .maxAge(COOKIE, Duration.ZERO)
        .expectCookie()
        .path(COOKIE, "/auth")
        .expectCookie()
        .httpOnly(COOKIE, true)
        .expectCookie()
        .secure(COOKIE, true)
        .expectCookie()
        .sameSite(COOKIE, "Strict");

    assertThat(RedisKeys.sessionExists(sessionId)).isFalse();
    webRefresh(refreshToken, h -> {}).expectStatus().isUnauthorized();
  }

  @Test
  void aCookieLogoutWithTheAccessTokenEndsTheSessionToo() {
    EntityExchangeResult<Map<String, Object>> login =
        webLogin(newUser(), h -> {}).expectStatus().isOk().expectBody(JSON).returnResult();
    String accessToken = (String) login.getResponseBody().get("access_token");
    String sessionId = (String) login.getResponseBody().get("session_id");

    webLogout(cookie(login).getValue(), h -> h.setBearerAuth(accessToken))
        .expectStatus()
        .isNoContent()
        .expectCookie()
        .maxAge(COOKIE, Duration.ZERO);

    assertThat(RedisKeys.sessionExists(sessionId)).isFalse();
  }

  /** A bearer that is sent must be valid: it never falls back to the cookie. */
  @Test
  void aCookieLogoutWithAnInvalidAccessTokenIsRefusedAndEndsNothing() {
    EntityExchangeResult<Map<String, Object>> login =
        webLogin(newUser(), h -> {}).expectStatus().isOk().expectBody(JSON).returnResult();
    String sessionId = (String) login.getResponseBody().get("session_id");

    webLogout(cookie(login).getValue(), h -> h.setBearerAuth("not.a.token"))
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/invalid-token");

    assertThat(RedisKeys.sessionExists(sessionId)).isTrue();
  }

  @Test
  void aWebLogoutWithNeitherCookieNorAccessTokenIsUnauthenticated() {
    client
        .post()
        .uri("/auth/logout")
        .header(WEB_HEADER, "web")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/invalid-token");
  }

  @Test
  void aNativeLogoutStillNeedsItsAccessToken() {
    Tokens tokens = new AuthClient(client).registerAndLogin();

    client
        .post()
        .uri("/auth/logout")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", tokens.refreshToken()))
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(RedisKeys.sessionExists(tokens.sessionId())).isTrue();
  }

  private String newUser() {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);
    return email;
  }

  /** Signs a new user in as the web app does; the refresh token its cookie holds. */
  private String webSignIn() {
    return cookie(
            webLogin(newUser(), h -> {}).expectStatus().isOk().expectBody(JSON).returnResult())
        .getValue();
  }

  private WebTestClient.ResponseSpec webLogin(String email, Consumer<HttpHeaders> headers) {
    return client
        .post()
        .uri("/auth/login")
        .header(WEB_HEADER, "web")
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", AuthClient.PASSWORD))
        .exchange();
  }

  private WebTestClient.ResponseSpec webRefresh(
      String refreshToken, Consumer<HttpHeaders> headers) {
    return client
        .post()
        .uri("/auth/refresh")
        .header(WEB_HEADER, "web")
        .headers(headers)
        .cookie(COOKIE, refreshToken)
        .exchange();
  }

  private WebTestClient.ResponseSpec webLogout(String refreshToken, Consumer<HttpHeaders> headers) {
    return client
        .post()
        .uri("/auth/logout")
        .header(WEB_HEADER, "web")
        .headers(headers)
        .cookie(COOKIE, refreshToken)
        .exchange();
  }

  private static ResponseCookie cookie(EntityExchangeResult<?> result) {
    ResponseCookie cookie = result.getResponseCookies().getFirst(COOKIE);
    assertThat(cookie).as("Set-Cookie " + COOKIE).isNotNull();
    return cookie;
  }

  private static void csrfRejected(WebTestClient.ResponseSpec response) {
    response
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(CSRF_REJECTED);
  }
}
