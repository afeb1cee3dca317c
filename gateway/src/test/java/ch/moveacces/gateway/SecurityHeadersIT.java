package ch.moveacces.gateway;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityHeadersIT extends GatewayITSupport {

  private static final String ALLOWED_ORIGIN = "http://localhost:5173";

  @LocalServerPort int port;

  private static void securityHeaders(WebTestClient.ResponseSpec response) {
    response
        .expectHeader()
        .valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        .expectHeader()
        .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader()
        .valueEquals("Referrer-Policy", "no-referrer");
  }

  @Test
  void putsSecurityHeadersOnAProxiedResponse() {
    WebTestClient.ResponseSpec response =
        client
            .get()
            .uri("/users/me")
            .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
            .exchange();
    response.expectStatus().isOk();
    securityHeaders(response);
  }

  @Test
  void putsSecurityHeadersOnErrorsAndOnTheGatewaysOwnAnswers() {
    WebTestClient.ResponseSpec notFound = client.get().uri("/no-such-thing").exchange();
    notFound.expectStatus().isNotFound();
    securityHeaders(notFound);

    WebTestClient.ResponseSpec unauthorized = client.get().uri("/users/me").exchange();
    unauthorized.expectStatus().isUnauthorized();
    securityHeaders(unauthorized);

    WebTestClient.ResponseSpec health = client.get().uri("/health").exchange();
    health.expectStatus().isOk();
    securityHeaders(health);
  }

  @Test
  void forbidsCachingOfAuthResponsesWhateverTheServiceSays() {
    client
        .post()
        .uri("/auth/login")
        .header("X-Forwarded-For", anIp())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"" + anId() + "@example.ch\",\"password\":\"x\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  /** Routed to auth-service like /auth/login, so kept out of caches like it. */
  @Test
  void forbidsCachingOfAuthResponsesWhoseRawPathIsEncoded() {
    client
        .post()
        .uri(URI.create("http://localhost:" + port + "/%61uth/login"))
        .header("X-Forwarded-For", anIp())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"" + anId() + "@example.ch\",\"password\":\"x\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Test
  void answersAPreflightFromAnAllowedOriginWithoutAToken() {
    client
        .options()
        .uri("/users/me")
        .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, If-Match, Content-Type")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
        .expectHeader()
        .valueMatches(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ".*PATCH.*")
        .expectHeader()
        .valueMatches(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "(?i).*authorization.*if-match.*");
  }

  @Test
  void exposesTheHeadersAClientNeedsToAnAllowedOrigin() {
    client
        .get()
        .uri("/users/me")
        .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
        .expectHeader()
        .valueMatches(
            HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
            ".*ETag.*X-Trace-Id.*Retry-After.*RateLimit.*");
  }

  @Test
  void letsAnAllowedOriginReadAnError() {
    client
        .get()
        .uri("/users/me")
        .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
  }

  @Test
  void refusesAPreflightFromAnOriginNotAllowed() {
    client
        .options()
        .uri("/users/me")
        .header(HttpHeaders.ORIGIN, "https://evil.example")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
  }
}
