package ch.moveacces.audit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.audit.Events;
import ch.moveacces.audit.RunningAuditService;
import ch.moveacces.audit.Trail;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.testkit.TopicReader;
import ch.moveacces.testkit.TopicReader.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recording events from the three topics: every schema example of every type, published to its
 * topic, gives exactly one row with its type, subject, trace id and client; the same record twice
 * gives one row; a record that is not JSON and one of an unknown type land in {@code
 * audit-service.dlt} with the error in its headers, and a valid record after them is recorded; an
 * event the table refuses (a subject longer than its column) is dead-lettered at once, not hidden;
 * the listener stopped inside a backlog of 1,000 events (once 20 rows are stored) and started again
 * ends with all 1,000, each once; the consumer's log lines carry the event's trace.
 */
@RunningAuditService
class EventRecorderIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final EventSchemas SCHEMAS = EventSchemas.load();

  @Autowired KafkaListenerEndpointRegistry listeners;

  static Stream<Arguments> everySchemaExample() {
    return Stream.of(EventType.values())
        .flatMap(
            type -> SCHEMAS.examples(type).stream().map(example -> Arguments.of(type, example)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everySchemaExample")
  void recordsEverySchemaExampleOnceWithItsTypeSubjectAndTrace(EventType type, JsonNode example) {
    // a fresh id: examples of different types may share theirs
    String eventId = UUID.randomUUID().toString();
    ObjectNode event = ((ObjectNode) example.deepCopy()).put("id", eventId);
    String traceparent = text(event.path("traceparent"));
    assertThat(traceparent).as("the example's traceparent").isNotNull();

    Events.publish(type.topic(), event.get("subject").stringValue(), event.toString(), traceparent);

    Map<String, String> row = awaitRow(eventId);
    assertThat(Trail.rowsOf("event_id", eventId)).isEqualTo(1);
    assertThat(row)
        .containsEntry("event_type", type.type())
        .containsEntry("source", event.get("source").stringValue())
        .containsEntry("subject", event.get("subject").stringValue())
        .containsEntry("trace_id", traceparent.substring(3, 35))
        .containsEntry("client_ip", text(event.path("data").path("client_ip")))
        .containsEntry("user_agent", text(event.path("data").path("user_agent")));
    String subject = event.get("subject").stringValue();
    assertThat(row.get("user_id")).isEqualTo(subject.matches("\\d+") ? subject : null);
    assertThat(EventJson.read(row.get("payload")).id()).hasToString(eventId);
  }

  @Test
  void recordsAnEventDeliveredTwiceOnce() {
    long user = Events.newUserId();
    EventEnvelope twice = Events.loggedOut(user);
    EventEnvelope after = Events.loggedOut(user);

    Events.publish(twice);
    Events.publish(twice);
    // same key, same partition: once this one is stored, both copies were handled
    Events.publish(after);

    awaitRow(after.id().toString());
    assertThat(Trail.rowsOf("event_id", twice.id().toString())).isEqualTo(1);
    assertThat(Trail.rowsOf("subject", String.valueOf(user))).isEqualTo(2);
  }

  @Test
  void sendsUnreadableRecordsToTheDeadLetterTopicAndGoesOn() {
    long user = Events.newUserId();
    String key = String.valueOf(user);
    String notJson = "not json " + UUID.randomUUID();
    String unknownId = UUID.randomUUID().toString();
    String unknownType =
        EventJson.toNode(Events.loggedOut(user))
            .put("id", unknownId)
            .put("type", "ch.moveacces.identity.mind-read.v1")
            .toString();
    EventEnvelope valid = Events.loggedOut(user);

    Events.publish(Topics.IDENTITY, key, notJson, null);
    Events.publish(Topics.IDENTITY, key, unknownType, null);
    Events.publish(valid);

    awaitRow(valid.id().toString());
    assertThat(Trail.rowsOf("event_id", unknownId)).isZero();

    Received first = deadLetter(notJson);
    assertThat(first.key()).isEqualTo(key);
    assertThat(first.headers())
        .containsEntry("kafka_dlt-original-topic", Topics.IDENTITY)
        .containsKey("kafka_dlt-exception-fqcn");
    assertThat(first.headers().get("kafka_dlt-exception-message")).contains("Not JSON");

    Received second = deadLetter(unknownType);
    assertThat(second.headers().get("kafka_dlt-exception-message"))
        .contains("unknown event type ch.moveacces.identity.mind-read.v1");
  }

  /**
   * A valid event the table refuses (a subject longer than its column) is not hidden, nor tried
   * again: it would be refused alike.
   */
  @Test
  void sendsAnEventTheTableRefusesToTheDeadLetterTopicAtOnce() {
    long user = Events.newUserId();
    String tooLong = "9".repeat(200);
    EventEnvelope refused =
        EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
            .source("auth-service")
            .subject(tooLong)
            .build();
    assertThat(SCHEMAS.validate(refused)).as("valid for its schema").isEmpty();
    EventEnvelope valid = Events.loggedOut(user);
    String json = EventJson.write(refused);

    Events.publish(Topics.IDENTITY, tooLong, json, null);
    Events.publish(valid);

    Received letter = deadLetter(json);
    assertThat(letter.headers())
        .containsEntry("kafka_dlt-original-topic", Topics.IDENTITY)
        .containsEntry("kafka_dlt-exception-cause-fqcn", RefusedEvent.class.getName());
    assertThat(letter.headers().get("kafka_dlt-exception-message")).contains("Data too long");
    assertThat(Trail.rowsOf("event_id", refused.id().toString())).isZero();
    awaitRow(valid.id().toString());
  }

  /** The consumer's span continues the record's trace: its log lines carry the event's trace id. */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void continuesTheTraceOfTheRecord(CapturedOutput output) {
    long user = Events.newUserId();
    EventEnvelope twice = Events.loggedOut(user);
    EventEnvelope after = Events.loggedOut(user);
    String traceId = twice.traceparent().substring(3, 35);

    Events.publish(twice);
    Events.publish(twice);
    Events.publish(after);
    awaitRow(after.id().toString());

    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("Event " + twice.id() + " was already recorded"))
        .singleElement()
        .asString()
        .contains(traceId);
  }

  @Test
  void resumesAfterAStopWithEveryEventRecordedOnce() {
    int total = 1000;
    long user = Events.newUserId();
    String subject = String.valueOf(user);
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      events.add(Events.loggedOut(user));
    }
    MessageListenerContainer container = listeners.getListenerContainer(EventRecorder.LISTENER_ID);
    assertThat(container).isNotNull();
    try {
      // the whole backlog waits while the consumer is stopped, so that the stop below lands mid-way
      container.stop();
      events.forEach(Events::publish);
      container.start();
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> Trail.rowsOf("subject", subject) >= 20);
      container.stop();

      long atStop = Trail.rowsOf("subject", subject);
      assertThat(atStop).as("rows when the consumer stopped").isLessThan(total);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(3))
          .until(() -> Trail.rowsOf("subject", subject) == atStop);
    } finally {
      container.start();
    }

    await().atMost(PATIENCE).until(() -> Trail.rowsOf("subject", subject) == total);
    assertThat(Trail.distinctEventsOf(subject)).isEqualTo(total);
    for (EventEnvelope event :
        List.of(events.getFirst(), events.get(total / 2), events.getLast())) {
      assertThat(Trail.rowsOf("event_id", event.id().toString())).isEqualTo(1);
    }
  }

  private static @Nullable String text(JsonNode node) {
    return node.isString() ? node.stringValue() : null;
  }

  private static Map<String, String> awaitRow(String eventId) {
    await().atMost(PATIENCE).until(() -> Trail.row(eventId).isPresent());
    return Trail.row(eventId).orElseThrow();
  }

  /** The dead letter whose value is this one, read as an operator replaying the topic would. */
  private static Received deadLetter(String value) {
    return TopicReader.awaitRecord(
        RecordingFailures.DEAD_LETTER_TOPIC, record -> value.equals(record.payload()));
  }
}
