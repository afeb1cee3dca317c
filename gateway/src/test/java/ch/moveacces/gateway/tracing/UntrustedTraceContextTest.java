package ch.moveacces.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The client's trace context is gone before the web handler (where the server observation reads it)
 * sees the request; its trace id, when well formed, is kept on the server observation only.
 */
class UntrustedTraceContextTest {

  private static final String CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private final AtomicReference<HttpHeaders> seen = new AtomicReference<>();
  private final AtomicReference<ServerRequestObservationContext> observation =
      new AtomicReference<>();

  /** The web handler as the adapter runs it: an observation, then the filters. */
  private final HttpHandler webHandler =
      (request, response) -> {
        seen.set(request.getHeaders());
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        ServerRequestObservationContext context =
            new ServerRequestObservationContext(request, response, exchange.getAttributes());
        exchange
            .getAttributes()
            .put(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, context);
        observation.set(context);
        return new ClientTraceIdTag().filter(exchange, filtered -> Mono.empty());
      };

  @Test
  void dropsTheTraceContextAndKeepsAWellFormedTraceIdOnTheServerObservation() {
    handle(
        MockServerHttpRequest.get("/users/me")
            .header("traceparent", "00-" + CLIENT_TRACE_ID + "-00f067aa0ba902b7-01")
            .header("tracestate", "vendor=value")
            .header("baggage", "role=admin")
            .header("Accept", "application/json"));

    assertThat(seen.get().headerNames())
        .doesNotContain("traceparent", "tracestate", "baggage")
        .contains("Accept");
    assertThat(observation.get().getHighCardinalityKeyValue(ClientTraceIdTag.KEY))
        .isEqualTo(KeyValue.of(ClientTraceIdTag.KEY, CLIENT_TRACE_ID));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a trace context",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01<script>"
      })
  void keepsNothingOfAMalformedTraceparent(String traceparent) {
    handle(MockServerHttpRequest.get("/users/me").header("traceparent", traceparent));

    assertThat(seen.get().headerNames()).doesNotContain("traceparent");
    assertThat(observation.get().getHighCardinalityKeyValue(ClientTraceIdTag.KEY)).isNull();
  }

  @Test
  void passesARequestWithoutTraceContextAsItIs() {
    MockServerHttpRequest request = MockServerHttpRequest.get("/users/me").build();

    new UntrustedTraceContext()
        .apply(
            (received, response) -> {
              assertThat(received).isSameAs(request);
              return webHandler.handle(received, response);
            })
        .handle(request, new MockServerHttpResponse())
        .block();

    assertThat(observation.get().getHighCardinalityKeyValue(ClientTraceIdTag.KEY)).isNull();
  }

  private void handle(MockServerHttpRequest.BaseBuilder<?> request) {
    new UntrustedTraceContext()
        .apply(webHandler)
        .handle(request.build(), new MockServerHttpResponse())
        .block();
  }
}
