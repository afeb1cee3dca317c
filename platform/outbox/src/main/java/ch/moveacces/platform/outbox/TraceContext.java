package ch.moveacces.platform.outbox;

import java.util.Map;
import reactor.core.publisher.Mono;

/** The W3C trace context ({@code traceparent}, {@code tracestate}) of the running operation. */
interface TraceContext {

  /** Empty when the operation is not traced. */
  Mono<Map<String, String>> current();

  TraceContext NONE = Mono::empty;
}
