package ch.moveacces.gateway.tracing;

import io.micrometer.common.KeyValue;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps the trace id a client sent as the {@value #KEY} attribute of the gateway's server span, so
 * that an SRE can find the gateway's trace from the client's id. Never forwarded, never the trace.
 */
@Component
class ClientTraceIdTag implements WebFilter, Ordered {

  static final String KEY = "client.trace_id";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Mono.deferContextual(
        context -> {
          context
              .<String>getOrEmpty(ClientTraceId.class)
              .ifPresent(
                  id ->
                      ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                          .ifPresent(
                              observation ->
                                  observation.addHighCardinalityKeyValue(KeyValue.of(KEY, id))));
          return chain.filter(exchange);
        });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
