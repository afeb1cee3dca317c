package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /ws} is a public endpoint: realtime-service authenticates the socket itself (a
 * one-time ticket or a token), so the gateway lets it through without an Authorization header. Only
 * that: every other method on {@code /ws} needs a token like any route.
 */
class WebSocketRouteIT extends GatewayITSupport {

  @Test
  void letsTheSocketsGetThroughWithoutAToken() {
    String id = anId();
    client
        .get()
        .uri("/ws?id=" + id)
        .header("X-Forwarded-For", anIp())
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(services.request(id).path()).isEqualTo("/ws");
    assertThat(services.request(id).header("Authorization")).isNull();
  }

  @Test
  void refusesAnyOtherMethodOnTheSocketPathWithoutAToken() {
    String id = anId();
    client.post().uri("/ws?id=" + id).exchange().expectStatus().isUnauthorized();
    assertThat(services.requests()).noneMatch(request -> id.equals(request.id()));
  }
}
