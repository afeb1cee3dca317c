package ch.moveacces.audit.recording;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.audit.Events;
import ch.moveacces.audit.RunningAuditService;
import ch.moveacces.audit.Trail;
import ch.moveacces.audit.chain.ChainLink;
import ch.moveacces.audit.chain.ChainName;
import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.testkit.TopicReader;
import ch.moveacces.testkit.TopicReader.Received;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recording events from the three topics: every schema example of every type, published to its
 * topic, gives exactly one row with its type, subject, trace id and client; the same record twice
 * gives one row; a record that is not JSON and one whose id is no UUID land in {@code
 * audit-service.dlt} with the error in its headers, and a valid record after them is recorded; an
 * event that breaks its schema is recorded flagged; values longer than their columns are cut in the
 * columns and kept whole in the envelope; each event's actor is stored; each topic-partition is one
 * gap-free chain, also with two writers at once; the listener stopped inside a backlog of 1,000
 * events (once 20 rows are stored) and started again ends with all 1,000, each once; the consumer's
 * log lines carry the event's trace.
 */
@RunningAuditService
class EventRecorderIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final EventSchemas SCHEMAS = EventSchemas.load();

  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired MeterRegistry meters;
  @Autowired DatabaseClient database;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired ApplicationContext context;

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
    assertThat(row.get("payload")).as("the envelope byte for byte").isEqualTo(event.toString());
    assertThat(row.get("schema_valid")).isEqualTo("true");
    assertThat(row.get("chain")).startsWith(type.topic() + "-");
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
    String noUuid =
        EventJson.toNode(Events.loggedOut(user))
            .put("id", "no-uuid-" + UUID.randomUUID())
            .toString();
    EventEnvelope valid = Events.loggedOut(user);

    Events.publish(Topics.IDENTITY, key, notJson, null);
    Events.publish(Topics.IDENTITY, key, noUuid, null);
    Events.publish(valid);

    awaitRow(valid.id().toString());

    Received first = deadLetter(notJson);
    assertThat(first.key()).isEqualTo(key);
    assertThat(first.headers())
        .containsEntry("kafka_dlt-original-topic", Topics.IDENTITY)
        .containsKey("kafka_dlt-exception-fqcn");
    assertThat(first.headers().get("kafka_dlt-exception-message")).contains("Not JSON");

    Received second = deadLetter(noUuid);
    assertThat(second.headers().get("kafka_dlt-exception-message"))
        .contains("An event's id is a UUID");
  }

  /**
   * A parseable event that breaks its schema (a client's 600-character tracestate, an unknown type)
   * is recorded, flagged and counted: nothing sent along with an event can keep it out of the
   * trail.
   */
  @Test
  void recordsAParseableEventThatBreaksItsSchemaFlagged() {
    long user = Events.newUserId();
    String tracestate =
        String.join(",", "a=" + "x".repeat(238), "b=" + "y".repeat(238), "c=" + "z".repeat(238));
    EventEnvelope longTracestate =
        EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
            .source("auth-service")
            .user(user)
            .trace(Events.newTraceparent(), tracestate)
            .build();
    assertThat(SCHEMAS.validate(longTracestate)).as("violations").isNotEmpty();
    String unknownId = UUID.randomUUID().toString();
    String unknownType =
        EventJson.toNode(Events.loggedOut(user))
            .put("id", unknownId)
            .put("type", "ch.moveacces.identity.mind-read.v1")
            .toString();
    double flaggedBefore = flagged();

    Events.publish(longTracestate);
    Events.publish(Topics.IDENTITY, String.valueOf(user), unknownType, null);

    Map<String, String> first = awaitRow(longTracestate.id().toString());
    assertThat(first).containsEntry("schema_valid", "false").containsEntry("subject", "" + user);
    assertThat(first.get("payload")).isEqualTo(EventJson.write(longTracestate));
    assertThat(awaitRow(unknownId))
        .containsEntry("schema_valid", "false")
        .containsEntry("event_type", "ch.moveacces.identity.mind-read.v1");
    assertThat(flagged() - flaggedBefore).isGreaterThanOrEqualTo(2);
  }

  /**
   * A parseable event with values longer than their columns (a 200-character subject, a
   * 600-character user agent) is recorded with those columns cut: the envelope keeps everything.
   */
  @Test
  void recordsAnEventWhoseValuesExceedTheirColumnsCutInTheColumnsWholeInTheEnvelope() {
    String tooLong = "9".repeat(200);
    String userAgent = "A".repeat(600);
    EventEnvelope event =
        EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
            .source("auth-service")
            .subject(tooLong)
            .client("198.51.100.4", "A")
            .build();
    // the builder cuts a user agent as a producer would; a hostile or older producer might not
    String json =
        EventJson.write(event)
            .replace("\"user_agent\":\"A\"", "\"user_agent\":\"" + userAgent + "\"");

    Events.publish(Topics.IDENTITY, tooLong, json, null);

    Map<String, String> row = awaitRow(event.id().toString());
    assertThat(row)
        .containsEntry("subject", "9".repeat(128))
        .containsEntry("user_agent", "A".repeat(512))
        .containsEntry("payload", json);
    assertThat(row.get("user_id")).isNull();
  }

  /** The actor goes to the chained row (kind and role) and its id to the personal row. */
  @Test
  void namesTheActorOfEachEventWhereItHasOne() {
    long member = Events.newUserId();
    long admin = Events.newUserId();
    EventEnvelope nobody = Events.loggedOut(member);
    EventEnvelope himself = withActor(member, Actor.user(member, "member"));
    EventEnvelope byAdmin = withActor(member, Actor.user(admin, "admin"));
    EventEnvelope bySystem = withActor(member, Actor.SYSTEM);

    for (EventEnvelope event : List.of(nobody, himself, byAdmin, bySystem)) {
      Events.publish(event);
    }

    assertThat(awaitRow(nobody.id().toString()))
        .containsEntry("actor", null)
        .containsEntry("actor_role", null)
        .containsEntry("actor_id", null);
    assertThat(awaitRow(himself.id().toString()))
        .containsEntry("actor", "user")
        .containsEntry("actor_role", "member")
        .containsEntry("actor_id", String.valueOf(member));
    assertThat(awaitRow(byAdmin.id().toString()))
        .containsEntry("actor", "user")
        .containsEntry("actor_role", "admin")
        .containsEntry("actor_id", String.valueOf(admin))
        .containsEntry("user_id", String.valueOf(member));
    assertThat(awaitRow(bySystem.id().toString()))
        .containsEntry("actor", "system")
        .containsEntry("actor_role", null)
        .containsEntry("actor_id", null);
  }

  /**
   * Each topic-partition is one chain: seqs 1, 2, 3, ... with no gap, each link's prev_hash the
   * hash of the one before, each hash and personal digest what the stored columns give.
   */
  @Test
  void chainsTheRowsOfEachTopicPartitionWithoutGap() {
    long user = Events.newUserId();
    List<EventEnvelope> events = List.of(Events.loggedOut(user), Events.loggedOut(user));
    events.forEach(Events::publish);
    String chain = awaitRow(events.getLast().id().toString()).get("chain");

    List<Trail.StoredLink> links = Trail.chain(chain);
    assertThat(links).hasSizeGreaterThanOrEqualTo(2);
    byte[] previous = ChainLink.GENESIS;
    for (int i = 0; i < links.size(); i++) {
      Trail.StoredLink stored = links.get(i);
      assertThat(stored.link().seq()).isEqualTo(i + 1);
      assertThat(stored.link().prevHash()).isEqualTo(previous);
      assertThat(stored.hash()).isEqualTo(stored.link().hash());
      if (stored.personal() != null && stored.salt() != null) {
        assertThat(stored.link().personalDigest())
            .isEqualTo(stored.personal().digest(stored.salt()));
      }
      previous = stored.hash();
    }
    assertThat(links)
        .extracting(stored -> stored.link().eventId())
        .contains(events.getFirst().id(), events.getLast().id());
  }

  /**
   * Two writers appending to one chain at once (a rebalance, a zombie consumer, two instances):
   * each refused seq makes the loser reload the head, so the chain ends gap-free, every event once.
   */
  @Test
  void twoWritersOnOneChainNeverShareASeq() throws Exception {
    String chain = ChainName.of("two-writers-" + UUID.randomUUID(), 0);
    AuditTrail first = new AuditTrail(database, transactions, context.getBeanProvider(Clock.class));
    AuditTrail second =
        new AuditTrail(database, transactions, context.getBeanProvider(Clock.class));
    int each = 40;
    List<UUID> ids = new ArrayList<>();
    try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
      List<Future<?>> done = new ArrayList<>();
      for (AuditTrail trail : List.of(first, second)) {
        List<ReceivedEvent> events = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          EventEnvelope event = Events.loggedOut(Events.newUserId());
          ids.add(event.id());
          events.add(ReceivedEvent.of(EventJson.write(event).getBytes(UTF_8), SCHEMAS));
        }
        done.add(
            writers.submit(
                () -> events.forEach(event -> trail.append(event, chain).block(PATIENCE))));
      }
      for (Future<?> writer : done) {
        writer.get(2, TimeUnit.MINUTES);
      }
    }

    List<Trail.StoredLink> links = Trail.chain(chain);
    assertThat(links)
        .extracting(stored -> stored.link().seq())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * each).boxed().toList());
    assertThat(links)
        .extracting(stored -> stored.link().eventId())
        .containsExactlyInAnyOrderElementsOf(ids);
    for (int i = 1; i < links.size(); i++) {
      assertThat(links.get(i).link().prevHash()).isEqualTo(links.get(i - 1).hash());
    }
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

  private static EventEnvelope withActor(long member, Actor actor) {
    return EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
        .source("auth-service")
        .user(member)
        .trace(Events.newTraceparent(), null)
        .actor(actor)
        .build();
  }

  private double flagged() {
    return meters.get("audit.events").tag("outcome", "flagged").counter().count();
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
