package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** What the gateway changes in a request before a service sees it, and what it refuses. */
class RequestFilteringIT extends GatewayITSupport {

  private static final int LIMIT = 16 * 1024;

  private static String json(int size) {
    char[] filler = new char[size - 11];
    Arrays.fill(filler, 'a');
    return "{\"note\":\"" + new String(filler) + "\"}";
  }

  private static Flux<DataBuffer> chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    int half = bytes.length / 2;
    return Flux.just(
        DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(bytes, 0, half)),
        DefaultDataBufferFactory.sharedInstance.wrap(
            Arrays.copyOfRange(bytes, half, bytes.length)));
  }

  @Test
  void refusesABodyOverTheLimitByItsContentLength() {
    String id = anId();
    client
        .patch()
        .uri("/users/me?id=" + id)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json(LIMIT + 1))
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/content-too-large");
    assertThat(services.requests()).noneMatch(request -> id.equals(request.id()));
  }

  @Test
  void refusesAStreamedBodyOverTheLimit() {
    String id = anId();
    client
        .patch()
        .uri("/users/me?id=" + id)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .contentType(MediaType.APPLICATION_JSON)
        .body(chunked(json(LIMIT + 100)), DataBuffer.class)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(services.requests()).noneMatch(request -> id.equals(request.id()));
  }

  @Test
  void passesAStreamedBodyWithinTheLimitWhole() {
    String id = anId();
    String body = json(LIMIT);
    client
        .patch()
        .uri("/users/me?id=" + id)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .contentType(MediaType.APPLICATION_JSON)
        .body(chunked(body), DataBuffer.class)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(services.request(id).body()).asString(StandardCharsets.UTF_8).isEqualTo(body);
  }

  @Test
  void stripsIdentityHeadersAClientSentAndKeepsTheTokenAsItWas() {
    String id = anId();
    String token = activeSessionToken(aSubject());
    client
        .get()
        .uri("/users/me?id=" + id)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-User-Id", "1")
        .header("X-User-Email", "admin@moveacces.ch")
        .header("X-User-Roles", "ADMIN")
        .header("X-Authenticated-User", "admin")
        .header("X-Forwarded-User", "admin")
        .header("X-Custom", "kept")
        .exchange()
        .expectStatus()
        .isOk();

    StandInService.Request seen = services.request(id);
    assertThat(seen.header("Authorization")).isEqualTo("Bearer " + token);
    assertThat(seen.header("X-Custom")).isEqualTo("kept");
    assertThat(seen.headers().keySet())
        .noneMatch(name -> name.startsWith("x-user") || name.startsWith("x-authenticated"))
        .doesNotContain("x-forwarded-user");
  }

  @Test
  void tellsTheServiceTheClientAddressResolvedThroughTheTrustedProxy() {
    String id = anId();
    client
        .get()
        .uri("/users/me?id=" + id)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .header("X-Forwarded-For", "203.0.113.7, 198.51.100.20")
        .header("Forwarded", "for=192.0.2.1")
        .exchange()
        .expectStatus()
        .isOk();

    StandInService.Request seen = services.request(id);
    // The rightmost hop not a trusted proxy is the client; what it wrote to the left is not
    // believed.
    assertThat(seen.header("X-Forwarded-For")).isEqualTo("198.51.100.20");
    assertThat(seen.header("Forwarded")).isNull();
  }

  @Test
  void tellsTheServiceThePeerAddressWhenNoProxySpeaksForTheClient() {
    String id = anId();
    client
        .get()
        .uri("/users/me?id=" + id)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(services.request(id).header("X-Forwarded-For")).isEqualTo("127.0.0.1");
  }
}
