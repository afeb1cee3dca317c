package ch.moveacces.platform.outbox;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemaViolation;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Records a domain event in this service's outbox: stamps the producing service and the {@code
 * traceparent} of the current operation, checks the envelope against its type's JSON Schema,
 * serialises it and appends it. Inside the caller's transaction the event commits with the domain
 * change or not at all: an envelope that breaks its schema fails the append with an {@link
 * EventSchemaViolation}, so the change is rolled back and the request answers a server error,
 * instead of an event that its consumers would set aside. The {@code tracestate} is never copied:
 * it is vendor data that no consumer reads, and it must not make an event invalid.
 */
public final class EventOutbox {

  static final String TRACEPARENT = "traceparent";

  /** Loaded once for every outbox of the application: building the schemas takes a while. */
  private static final EventSchemas SCHEMAS = EventSchemas.load();

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
   * off ({@code moveacces.outbox.enabled=false}) nothing is written. Fails with {@link
   * EventSchemaViolation}, writing nothing, when the envelope breaks its schema.
   */
  public Mono<EventEnvelope> append(EventEnvelopeBuilder event) {
    return traceContext
        .current()
        .defaultIfEmpty(Map.of())
        .flatMap(
            trace -> {
              EventEnvelope envelope =
                  event.source(source).trace(trace.get(TRACEPARENT), null).build();
              SCHEMAS.check(envelope);
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
    return new OutboxMessage(
        envelope.id(), topic, envelope.key(), EventJson.write(envelope), headers);
  }
}
