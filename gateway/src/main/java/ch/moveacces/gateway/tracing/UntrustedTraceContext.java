package ch.moveacces.gateway.tracing;

import java.util.List;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;

/**
 * Drops a client's W3C trace context ({@code traceparent}, {@code tracestate}, {@code baggage})
 * before the server observation extracts it. That observation runs in the web handler adapter,
 * before any {@code WebFilter}, so the headers are removed by a decorator around that adapter. The
 * gateway then starts a new trace and sends only its own {@code traceparent} downstream: a client
 * can neither choose the trace id that events and logs record nor ride a trace state or baggage
 * into them.
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
      return handler.handle(
          request.mutate().headers(headers -> HEADERS.forEach(headers::remove)).build(), response);
    };
  }
}
