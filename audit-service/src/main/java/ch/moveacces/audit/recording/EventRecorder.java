package ch.moveacces.audit.recording;

import ch.moveacces.audit.chain.ChainName;
import ch.moveacces.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every event of the three topics to the audit trail, each to the chain of the
 * topic-partition it was read from. The listener returns only once the rows are stored, and the
 * container commits the offsets of a poll only after the listener returned for each of its records
 * (ack mode BATCH): an offset is never ahead of the trail. A crash in between redelivers records
 * whose rows exist, which the unique event id turns into no-ops. Values are read as bytes: the
 * trail keeps them exactly as received.
 */
@Component
class EventRecorder {

  static final String LISTENER_ID = "audit-trail";
  static final String GROUP = "audit-service";

  private final Recording recording;

  EventRecorder(Recording recording) {
    this.recording = recording;
  }

  @KafkaListener(
      id = LISTENER_ID,
      groupId = GROUP,
      topics = {Topics.IDENTITY, Topics.PROFILE, Topics.SUBSCRIPTION})
  void record(ConsumerRecord<String, byte[]> record) {
    recording.record(record.value(), ChainName.of(record.topic(), record.partition()));
  }
}
