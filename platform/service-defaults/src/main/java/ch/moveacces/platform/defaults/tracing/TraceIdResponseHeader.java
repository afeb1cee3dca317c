package ch.moveacces.platform.defaults.tracing;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the trace id on every response, errors included, so that a client can quote it and an SRE
 * can find the request in the traces and logs.
 */
public class TraceIdResponseHeader implements WebFilter, Ordered {

  public static final String NAME = "X-Trace-Id";

  private final TraceIds traceIds;

  public TraceIdResponseHeader(TraceIds traceIds) {
    this.traceIds = traceIds;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    traceIds.of(exchange);
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              // Set at commit: a proxied response's own headers are copied in before that.
              traceIds
                  .of(exchange)
                  .ifPresent(traceId -> exchange.getResponse().getHeaders().set(NAME, traceId));
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
