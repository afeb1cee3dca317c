package ch.moveacces.platform.outbox;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Records a domain event in this service's outbox: stamps the producing service and the trace
 * context of the current operation, serialises the envelope and appends it. Inside the caller's
 * transaction the event commits with the domain change or not at all.
 */
public final class EventOutbox {

  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";

  private final @Nullable Outbox outbox;
  private final String source;
  private final TraceContext traceContext;

  EventOutbox(@Nullable Outbox outbox, String source, TraceContext traceContext) {
    this.outbox = outbox;
    this.source = source;
    this.traceContext = traceContext;
  }

  /**
   * Completes with the event once its row is written (not yet published). With the outbox switched
   * off ({@code moveacces.outbox.enabled=false}) nothing is written.
   */
  public Mono<EventEnvelope> append(EventEnvelopeBuilder event) {
    return traceContext
        .current()
        .defaultIfEmpty(Map.of())
        .flatMap(
            trace -> {
              EventEnvelope envelope =
                  event.source(source).trace(trace.get(TRACEPARENT), trace.get(TRACESTATE)).build();
              if (outbox == null) {
                return Mono.just(envelope);
              }
              return outbox.append(message(envelope)).thenReturn(envelope);
            });
  }

  static OutboxMessage message(EventEnvelope envelope) {
    String topic =
        EventType.fromType(envelope.type())
            .orElseThrow(() -> new IllegalArgumentException("Unknown type " + envelope.type()))
            .topic();
    Map<String, String> headers = new LinkedHashMap<>();
    if (envelope.traceparent() != null) {
      headers.put(TRACEPARENT, envelope.traceparent());
    }
    if (envelope.tracestate() != null) {
      headers.put(TRACESTATE, envelope.tracestate());
    }
    return new OutboxMessage(
        envelope.id(), topic, envelope.key(), EventJson.write(envelope), headers);
  }
}
