package ch.moveacces.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * What operators watch (README.md): open sockets, messages written and dropped, closes by code, and
 * events taken from Kafka by outcome.
 */
@Component
class RealtimeMetrics {

  private final MeterRegistry registry;
  private final Counter sent;
  private final Counter dropped;

  RealtimeMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.sent =
        Counter.builder("realtime.messages.sent")
            .description("Messages handed to sockets, pings excluded")
            .register(registry);
    this.dropped =
        Counter.builder("realtime.messages.dropped")
            .description("Messages a socket's full send buffer could not take")
            .register(registry);
  }

  void openConnections(Supplier<Number> open) {
    Gauge.builder("realtime.connections", open)
        .description("Open WebSocket connections on this instance")
        .register(registry);
  }

  void sent() {
    sent.increment();
  }

  void dropped() {
    dropped.increment();
  }

  void closed(CloseStatus status) {
    Counter.builder("realtime.closes")
        .description("Sockets closed by the server, by close code")
        .tag("code", String.valueOf(status.getCode()))
        .register(registry)
        .increment();
  }

  /** {@code pushed}, {@code duplicate}, {@code ignored} (not a member's), {@code dead-letter}. */
  void event(String outcome) {
    Counter.builder("realtime.events")
        .description("Events taken from Kafka, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** An event acted on although it breaks its schema, by type (known types only). */
  void schemaViolation(String type) {
    Counter.builder("realtime.events.schema.violations")
        .description("Events pushed although they break their schema, by type")
        .tag("type", type)
        .register(registry)
        .increment();
  }
}
