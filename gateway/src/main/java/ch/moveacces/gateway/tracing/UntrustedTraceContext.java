package ch.moveacces.gateway.tracing;

import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Drops a client's W3C trace context ({@code traceparent}, {@code tracestate}, {@code baggage})
 * before the server observation extracts it. That observation runs in the web handler adapter,
 * before any {@code WebFilter}, so the headers are removed by a decorator around that adapter. The
 * gateway then starts a new trace and sends only its own {@code traceparent} downstream: a client
 * can neither choose the trace id that events and logs record nor ride a trace state or baggage
 * into them. A well-formed client trace id goes on in the Reactor context, for {@link
 * ClientTraceIdTag} to keep on the gateway's span.
 */
@Component
class UntrustedTraceContext implements HttpHandlerDecoratorFactory {

  static final List<String> HEADERS = List.of("traceparent", "tracestate", "baggage");

  @Override
  public HttpHandler apply(HttpHandler handler) {
    return (request, response) -> {
      if (HEADERS.stream().noneMatch(request.getHeaders()::containsHeader)) {
        return handler.handle(request, response);
      }
      Optional<String> clientTraceId =
          ClientTraceId.of(request.getHeaders().getFirst("traceparent"));
      Mono<Void> handled =
          handler.handle(
              request.mutate().headers(headers -> HEADERS.forEach(headers::remove)).build(),
              response);
      return clientTraceId
          .map(id -> handled.contextWrite(context -> context.put(ClientTraceId.class, id)))
          .orElse(handled);
    };
  }
}
