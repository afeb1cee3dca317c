package ch.moveacces.platform.outbox;

import io.micrometer.context.ContextSnapshot.Scope;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Reads the current span through Micrometer Tracing. In a reactive chain the observation travels in
 * the Reactor context, not on the thread, so it is restored from there before asking the tracer.
 */
final class TracerContext implements TraceContext {

  private final Tracer tracer;
  private final Propagator propagator;
  private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

  TracerContext(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  // "try": Micrometer restores thread locals by a scope to close, which the body never names (an
  // unnamed variable needs Java 22).
  @Override
  @SuppressWarnings("try")
  public Mono<Map<String, String>> current() {
    return Mono.deferContextual(
        reactorContext -> {
          try (Scope scope = snapshots.setThreadLocalsFrom(reactorContext)) {
            Span span = tracer.currentSpan();
            if (span == null) {
              return Mono.empty();
            }
            Map<String, String> carrier = new LinkedHashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            return Mono.just(carrier);
          }
        });
  }
}
