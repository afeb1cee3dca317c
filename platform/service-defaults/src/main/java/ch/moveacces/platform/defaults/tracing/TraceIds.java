package ch.moveacces.platform.defaults.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of the request an exchange carries. The server observation keeps its span in the
 * exchange's attributes, which unlike thread locals is there on every thread the exchange moves to.
 */
public class TraceIds {

  /** The MDC key Micrometer Tracing gives the trace id, which the JSON log lines carry. */
  public static final String MDC_KEY = "traceId";

  private static final String ATTRIBUTE = TraceIds.class.getName() + ".traceId";
  private static final String INVALID = "00000000000000000000000000000000";

  private final @Nullable Tracer tracer;

  public TraceIds(@Nullable Tracer tracer) {
    this.tracer = tracer;
  }

  public Optional<String> of(ServerWebExchange exchange) {
    String known = exchange.getAttribute(ATTRIBUTE);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> found = fromObservation(exchange).or(this::fromCurrentSpan);
    found.ifPresent(traceId -> exchange.getAttributes().put(ATTRIBUTE, traceId));
    return found;
  }

  /**
   * Writes {@code logLines} with the exchange's trace id in the MDC, then restores what was there.
   * For lines about a request written where the thread's own context need not be the request's:
   * with context propagation "limited", or on a client's thread.
   */
  public void log(ServerWebExchange exchange, Runnable logLines) {
    Optional<String> traceId = of(exchange);
    if (traceId.isEmpty()) {
      logLines.run();
      return;
    }
    String previous = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, traceId.get());
    try {
      logLines.run();
    } finally {
      if (previous == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, previous);
      }
    }
  }

  private static Optional<String> fromObservation(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(TraceIds::tracingContext)
        .map(TracingContext::getSpan)
        .flatMap(TraceIds::traceId);
  }

  private static @Nullable TracingContext tracingContext(Observation.Context context) {
    return context.get(TracingContext.class);
  }

  private Optional<String> fromCurrentSpan() {
    return tracer == null ? Optional.empty() : traceId(tracer.currentSpan());
  }

  private static Optional<String> traceId(@Nullable Span span) {
    if (span == null) {
      return Optional.empty();
    }
    String traceId = span.context().traceId();
    return traceId.isBlank() || INVALID.equals(traceId) ? Optional.empty() : Optional.of(traceId);
  }
}
