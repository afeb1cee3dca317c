package ch.moveacces.realtime;

import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes every event of the three topics, once for all instances (one consumer group), and appends
 * each member's to the member's stream, which also publishes it to the instances holding the
 * member's sockets. The listener waits for Redis on the consumer's own thread, and offsets are
 * committed once every record of the poll has been appended (ack mode BATCH, one commit per poll
 * rather than per record): a crash in between redelivers those records, which the event id's dedupe
 * key turns into no-ops.
 *
 * <p>An event that breaks its schema but whose envelope and payload can be read is pushed all the
 * same (a revocation must close sockets whatever else is wrong with it), counted in {@code
 * realtime_events_schema_violations_total{type}} and logged, once: when it is first appended.
 */
@Component
class EventFeed {

  static final String LISTENER_ID = "realtime-push";
  static final String GROUP = "realtime-service";

  private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

  private final UserStreams streams;
  private final RealtimeMetrics metrics;
  private final EventSchemas schemas = EventSchemas.load();

  EventFeed(UserStreams streams, RealtimeMetrics metrics) {
    this.streams = streams;
    this.metrics = metrics;
  }

  @KafkaListener(
      id = LISTENER_ID,
      groupId = GROUP,
      topics = {Topics.IDENTITY, Topics.PROFILE, Topics.SUBSCRIPTION})
  void push(ConsumerRecord<String, String> record) {
    PushableEvent event = PushableEvent.of(record.value(), schemas);
    if (event == null) {
      metrics.event("ignored");
      return;
    }
    boolean appended = Boolean.TRUE.equals(streams.append(event).block(APPEND_TIMEOUT));
    metrics.event(appended ? "pushed" : "duplicate");
    if (appended && !event.schemaViolations().isEmpty()) {
      metrics.schemaViolation(event.type());
      log.warn(
          "Pushed event {} of type {} although it breaks its schema: {}",
          event.eventId(),
          event.type(),
          event.schemaViolations());
    }
  }
}
