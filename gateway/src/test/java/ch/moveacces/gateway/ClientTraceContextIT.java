package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A client's trace context is not believed: the gateway starts every external request's trace
 * itself and sends the services behind it only its own {@code traceparent}.
 */
class ClientTraceContextIT extends GatewayITSupport {

  private static final String CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CLIENT_TRACEPARENT = "00-" + CLIENT_TRACE_ID + "-00f067aa0ba902b7-01";

  @Test
  void startsItsOwnTraceInsteadOfTheClients() {
    String path = "/users/client-traced-" + anId();
    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri(path)
            .headers(
                h -> {
                  h.setBearerAuth(activeSessionToken(aSubject()));
                  h.set("traceparent", CLIENT_TRACEPARENT);
                  h.set("tracestate", "vendor=" + "a".repeat(240) + ",other=b");
                  h.set("baggage", "userId=1,role=admin");
                })
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();
    String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");

    assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(CLIENT_TRACE_ID);
    assertThat(services.requests())
        .filteredOn(request -> request.path().equals(path))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.traceparent()).contains(traceId).doesNotContain(CLIENT_TRACE_ID);
              assertThat(request.header("tracestate")).isNull();
              assertThat(request.header("baggage")).isNull();
              assertThat(request.headers().toString()).doesNotContain(CLIENT_TRACE_ID);
            });
  }

  @Test
  void dropsAMalformedClientTraceContextToo() {
    String path = "/users/client-traced-" + anId();
    client
        .get()
        .uri(path)
        .headers(
            h -> {
              h.setBearerAuth(activeSessionToken(aSubject()));
              h.set("traceparent", "not a trace context");
              h.set("tracestate", "x".repeat(600));
            })
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueMatches("X-Trace-Id", "[0-9a-f]{32}");

    assertThat(services.requests())
        .filteredOn(request -> request.path().equals(path))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
              assertThat(request.header("tracestate")).isNull();
            });
  }
}
