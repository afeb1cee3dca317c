package ch.moveacces.audit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.audit.TcpProxy;
import ch.moveacces.audit.Trail;
import ch.moveacces.engines.KafkaBroker;
import ch.moveacces.engines.TemporaryDirectory;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.testkit.DatabaseEndpoint;
import ch.moveacces.testkit.TestEngines;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged service as a process of its own, killed and restarted, or cut off from its database,
 * as in production. It uses the test database, but a Kafka broker of this class's own: the shared
 * test context runs a consumer of the same group on the shared broker, which would take partitions
 * (and records) from the process under test.
 *
 * <p>Killed with {@code SIGKILL} inside a backlog of 2,000 events made from the schemas' examples,
 * with rows already stored past the committed offsets, and started again: every event has exactly
 * one row. Cut off from its database by a TCP proxy for 6 s while events arrive (three times what
 * three tries a second apart would wait): nothing is stored, the offsets wait, and once the proxy
 * is back every event has exactly one row and the dead-letter topic is empty.
 */
class EventRecorderProcessIT {

  private static final EventSchemas SCHEMAS = EventSchemas.load();
  private static final List<String> TOPICS =
      List.of(Topics.IDENTITY, Topics.PROFILE, Topics.SUBSCRIPTION);
  private static final List<ObjectNode> EXAMPLES =
      Stream.of(EventType.values())
          .flatMap(type -> SCHEMAS.examples(type).stream())
          .map(example -> (ObjectNode) example)
          .toList();

  private static final int NO_SUCH_TABLE = 1146;

  /**
   * A deadline, not a wait: it includes the start-up of a Spring Boot process, about 10 s on two
   * idle cores but minutes on a machine shared with other builds.
   */
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private static TemporaryDirectory kafkaDir;
  private static KafkaBroker kafka;
  private static KafkaProducer<String, String> producer;
  private static Admin admin;

  private final List<AuditServiceProcess> processes = new ArrayList<>();

  @BeforeAll
  static void startKafka() {
    kafkaDir = TemporaryDirectory.create("audit-process-kafka-");
    kafka = KafkaBroker.start(0, kafkaDir.path());
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  @AfterAll
  static void stopKafka() {
    admin.close();
    producer.close();
    kafka.close();
    kafkaDir.close();
  }

  @AfterEach
  void stopProcesses() {
    processes.forEach(AuditServiceProcess::close);
  }

  @Test
  void recordsEveryEventOnceWhenKilledInsideABacklogAndRestarted() throws Exception {
    int total = 2_000;
    List<ProducerRecord<String, String>> events = fromExamples(total);
    Set<String> ids = eventIds(events);
    publish(events);
    DatabaseEndpoint database = TestEngines.database();

    AuditServiceProcess killed = start("audit-service-killed", database.host(), database.port());
    await("some rows of the backlog stored by " + killed)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(10))
        .failFast(killed + " ended", () -> !killed.isAlive())
        .until(() -> stored(ids) >= total / 20);
    killed.kill();

    long storedAtKill = stored(ids);
    long committedAtKill = committedOffsets();
    assertThat(storedAtKill).as("rows when it was killed").isLessThan(total);
    // rows ahead of the committed offsets: the kill landed inside a poll, so the restart must
    // redeliver events that are already in the trail
    assertThat(committedAtKill).as("offsets committed when it was killed").isLessThan(storedAtKill);

    AuditServiceProcess restarted =
        start("audit-service-restarted", database.host(), database.port());
    await("every event stored by " + restarted)
        .atMost(PATIENCE)
        .failFast(restarted + " ended", () -> !restarted.isAlive())
        .until(() -> stored(ids) == total);

    Map<String, Long> rows = Trail.rowsPerEvent(ids);
    assertThat(rows.keySet()).as("events with a row").isEqualTo(ids);
    assertThat(rows.values()).as("rows per event").containsOnly(1L);
    assertThat(restarted.output()).contains("was already recorded");
  }

  @Test
  void waitsOutADatabaseOutageAndThenRecordsEveryEventOnceWithNoneDeadLettered() throws Exception {
    DatabaseEndpoint database = TestEngines.database();
    try (TcpProxy proxy = TcpProxy.start(database.host(), database.port())) {
      AuditServiceProcess service = start("audit-service-outage", "127.0.0.1", proxy.port());
      List<ProducerRecord<String, String>> first = fromExamples(1);
      publish(first);
      await("a first event stored by " + service)
          .atMost(PATIENCE)
          .failFast(service + " ended", () -> !service.isAlive())
          .until(() -> stored(eventIds(first)) == 1);

      proxy.cut();
      int total = 60;
      List<ProducerRecord<String, String>> events = fromExamples(total);
      Set<String> ids = eventIds(events);
      publish(events);
      // three times what three tries a second apart would wait: the events wait, none is given up
      await("the outage held")
          .during(Duration.ofSeconds(6))
          .atMost(Duration.ofSeconds(20))
          .failFast(service + " ended", () -> !service.isAlive())
          .until(() -> stored(ids) == 0);
      assertThat(service.output()).contains("trying again");
      assertThat(uncommitted())
          .as("records whose offsets wait for their rows")
          .isGreaterThanOrEqualTo(total);

      proxy.restore();
      await("every event stored by " + service + " once the database is back")
          .atMost(PATIENCE)
          .failFast(service + " ended", () -> !service.isAlive())
          .until(() -> stored(ids) == total);

      Map<String, Long> rows = Trail.rowsPerEvent(ids);
      assertThat(rows.keySet()).as("events with a row").isEqualTo(ids);
      assertThat(rows.values()).as("rows per event").containsOnly(1L);
      assertThat(deadLetters()).as("records in " + RecordingFailures.DEAD_LETTER_TOPIC).isZero();
    }
  }

  private AuditServiceProcess start(String name, String databaseHost, int databasePort) {
    AuditServiceProcess process =
        AuditServiceProcess.start(name, databaseHost, databasePort, kafka.bootstrapServers());
    processes.add(process);
    return process;
  }

  /**
   * Events of every type from the schemas' examples, each with a fresh id; their user ids are
   * spread over several keys so that every consumer thread gets a share.
   */
  private static List<ProducerRecord<String, String>> fromExamples(int count) {
    long firstUser = ThreadLocalRandom.current().nextLong(1_000_000, 4_000_000_000L);
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode event = EXAMPLES.get(i % EXAMPLES.size()).deepCopy();
      event.put("id", UUID.randomUUID().toString());
      if (event.get("subject").stringValue().matches("\\d+")) {
        event.put("subject", String.valueOf(firstUser + i % 64));
      }
      String json = event.toString();
      SCHEMAS.check(json);
      String subject = event.get("subject").stringValue();
      EventType type = EventType.fromType(event.get("type").stringValue()).orElseThrow();
      ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), subject, json);
      record
          .headers()
          .add(
              "traceparent",
              event.get("traceparent").stringValue().getBytes(StandardCharsets.UTF_8));
      records.add(record);
    }
    return records;
  }

  private static Set<String> eventIds(List<ProducerRecord<String, String>> records) {
    return records.stream()
        .map(record -> EventJson.read(record.value()).id().toString())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static void publish(List<ProducerRecord<String, String>> records) throws Exception {
    List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
    for (Future<RecordMetadata> acknowledgement : sent) {
      acknowledgement.get(30, TimeUnit.SECONDS);
    }
  }

  /** How many of these events have a row; none before the service has created its table. */
  private static long stored(Collection<String> eventIds) {
    try {
      return Trail.rowsPerEvent(eventIds).size();
    } catch (IllegalStateException failure) {
      if (failure.getCause() instanceof SQLException sql && sql.getErrorCode() == NO_SUCH_TABLE) {
        return 0;
      }
      throw failure;
    }
  }

  /** Offsets the group committed on the event topics: records it is done with. */
  private static long committedOffsets() throws Exception {
    return admin
        .listConsumerGroupOffsets(EventRecorder.GROUP)
        .partitionsToOffsetAndMetadata()
        .get(30, TimeUnit.SECONDS)
        .entrySet()
        .stream()
        .filter(entry -> TOPICS.contains(entry.getKey().topic()) && entry.getValue() != null)
        .mapToLong(entry -> entry.getValue().offset())
        .sum();
  }

  /** The group's lag: records on the event topics past its committed offsets. */
  private static long uncommitted() throws Exception {
    return endOffsets(TOPICS) - committedOffsets();
  }

  private static long deadLetters() throws Exception {
    return endOffsets(List.of(RecordingFailures.DEAD_LETTER_TOPIC));
  }

  private static long endOffsets(Collection<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest =
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
            .flatMap(
                topic ->
                    topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }
}
