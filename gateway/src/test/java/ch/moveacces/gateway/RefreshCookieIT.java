package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

/**
 * The web app signs in with its refresh token in a cookie: its origins may send credentials and its
 * client header, the cookie goes to auth-service and its {@code Set-Cookie} comes back, and logout
 * passes without an access token (auth-service ends the cookie's session).
 *
 * <p>The cookie is counted under the {@code refresh} limit, and with DEBUG logging on its value is
 * in no log line; a logout with an invalid access token is still refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefreshCookieIT extends GatewayITSupport {

  private static final String APP_ORIGIN = "http://localhost:5173";
  private static final String COOKIE = "moveacces_refresh";
  private static final String WEB_HEADER = "X-Moveacces-Client";
  private static final List<String> VERBOSE =
      List.of("ch.moveacces", "org.springframework", "reactor.netty");

  @Autowired LoggingSystem logging;

  @AfterEach
  void quietAgain() {
    VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
  }

  @Test
  void letsTheAppOriginSendCredentialsAndTheWebClientHeader() {
    client
        .options()
        .uri("/auth/refresh")
        .header(HttpHeaders.ORIGIN, APP_ORIGIN)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-moveacces-client, content-type")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP_ORIGIN)
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
        .expectHeader()
        .valueMatches(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "(?i).*x-moveacces-client.*");
  }

  @Test
  void givesAnotherOriginNeitherOriginNorCredentials() {
    client
        .options()
        .uri("/auth/refresh")
        .header(HttpHeaders.ORIGIN, "https://evil.example")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-moveacces-client")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
  }

  @Test
  void passesTheCookieToAuthServiceAndItsSetCookieBackWithCredentials(CapturedOutput output) {
    VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    String id = anId();
    String sent = "sent-" + anId();
    String rotated = "rotated-" + anId();
    String setCookie =
        COOKIE + "=" + rotated + "; Path=/auth; Max-Age=86400; HttpOnly; Secure; SameSite=Strict";

    client
        .post()
        .uri("/auth/refresh?id=" + id)
        .header(HttpHeaders.ORIGIN, APP_ORIGIN)
        .header(WEB_HEADER, "web")
        .header("X-Forwarded-For", anIp())
        .header("X-Stand-In-Set-Cookie", setCookie)
        .cookie(COOKIE, sent)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.SET_COOKIE, setCookie)
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP_ORIGIN)
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
        .expectHeader()
        .valueEquals("RateLimit-Policy", "\"refresh\";q=30;w=60");

    StandInService.Request seen = services.request(id);
    assertThat(seen.header(HttpHeaders.COOKIE)).isEqualTo(COOKIE + "=" + sent);
    assertThat(seen.header(WEB_HEADER)).isEqualTo("web");
    assertThat(seen.header(HttpHeaders.ORIGIN)).isEqualTo(APP_ORIGIN);
    assertThat(output.getAll())
        .as("debug logging was on")
        .contains("/auth/refresh")
        .contains(COOKIE + "=[masked]")
        .doesNotContain(sent)
        .doesNotContain(rotated);
  }

  /** After a reload the app has no access token yet; auth-service ends the cookie's session. */
  @Test
  void letsACookieLogoutThroughWithoutAnAccessToken() {
    String id = anId();

    client
        .post()
        .uri("/auth/logout?id=" + id)
        .header(HttpHeaders.ORIGIN, APP_ORIGIN)
        .header(WEB_HEADER, "web")
        .cookie(COOKIE, "a-refresh-token")
        .exchange()
        .expectStatus()
        .isOk();

    StandInService.Request seen = services.request(id);
    assertThat(seen.header(HttpHeaders.COOKIE)).isEqualTo(COOKIE + "=a-refresh-token");
    assertThat(seen.header(HttpHeaders.AUTHORIZATION)).isNull();
  }

  @Test
  void stillRefusesALogoutWithAnInvalidAccessToken() {
    String id = anId();

    client
        .post()
        .uri("/auth/logout?id=" + id)
        .header(WEB_HEADER, "web")
        .cookie(COOKIE, "a-refresh-token")
        .headers(h -> h.setBearerAuth("not.a.token"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");

    assertThat(services.requests()).noneMatch(request -> id.equals(request.id()));
  }

  @Test
  void passesALogoutWithAValidAccessTokenOnUnchanged() {
    String id = anId();
    String token = activeSessionToken(aSubject());

    client
        .post()
        .uri("/auth/logout?id=" + id)
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(services.request(id).header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
  }
}
