package ch.moveacces.audit.recording;

import ch.moveacces.platform.events.EventSchemas;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One record's value into the trail, the same for the listener and the dead-letter replay: read it
 * ({@link UnreadableEvent} unless parseable), append it to its chain, count the outcome. It waits
 * for the store on the caller's thread (a Kafka consumer's, never an event loop).
 */
@Component
class Recording {

  private static final Logger log = LoggerFactory.getLogger(Recording.class);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

  private final AuditTrail trail;
  private final RecordingMetrics metrics;
  private final EventSchemas schemas = EventSchemas.load();

  Recording(AuditTrail trail, RecordingMetrics metrics) {
    this.trail = trail;
    this.metrics = metrics;
  }

  /**
   * What became of the value; throws {@link UnreadableEvent} or {@link RefusedEvent} for poison.
   */
  Outcome record(byte @Nullable [] value, String chain) {
    ReceivedEvent event = ReceivedEvent.of(value, schemas);
    boolean appended = Boolean.TRUE.equals(trail.append(event, chain).block(STORE_TIMEOUT));
    Outcome outcome =
        !appended ? Outcome.DUPLICATE : event.schemaValid() ? Outcome.RECORDED : Outcome.FLAGGED;
    metrics.count(outcome);
    switch (outcome) {
      case DUPLICATE ->
          log.info("Event {} was already recorded; {} left as it is", event.eventId(), chain);
      case FLAGGED ->
          log.warn(
              "Event {} ({}) breaks its schema: recorded in {} with schema_valid = false",
              event.eventId(),
              event.type(),
              chain);
      case RECORDED -> {
        // the usual case says nothing
      }
    }
    return outcome;
  }

  /** What became of a record that was no poison. */
  enum Outcome {
    /** Appended, and valid for its schema. */
    RECORDED,
    /** Appended although it breaks its schema ({@code schema_valid = false}). */
    FLAGGED,
    /** Its event id was already in the trail: nothing written. */
    DUPLICATE
  }
}
