package ch.moveacces.audit.recording;

import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every event of the three topics to the audit trail. The listener returns only once the
 * row is stored (it waits for the insert on the consumer's own thread, never an event loop), and
 * the container commits the offsets of a poll only after the listener returned for each of its
 * records (ack mode BATCH): an offset is never ahead of the trail. A crash in between redelivers
 * records whose rows exist, which the unique event id turns into no-ops.
 */
@Component
class EventRecorder {

  static final String LISTENER_ID = "audit-trail";
  static final String GROUP = "audit-service";

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

  private final AuditTrail trail;
  private final RecordingMetrics metrics;
  private final EventSchemas schemas = EventSchemas.load();

  EventRecorder(AuditTrail trail, RecordingMetrics metrics) {
    this.trail = trail;
    this.metrics = metrics;
  }

  @KafkaListener(
      id = LISTENER_ID,
      groupId = GROUP,
      topics = {Topics.IDENTITY, Topics.PROFILE, Topics.SUBSCRIPTION})
  void record(ConsumerRecord<String, String> record) {
    AuditEntry entry = AuditEntry.of(record.value(), schemas);
    boolean appended = Boolean.TRUE.equals(trail.append(entry).block(STORE_TIMEOUT));
    metrics.recorded(appended);
    if (!appended) {
      log.info("Event {} was already recorded; {} left as it is", entry.eventId(), record.topic());
    }
  }
}
