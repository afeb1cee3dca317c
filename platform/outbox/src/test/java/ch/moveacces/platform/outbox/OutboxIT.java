package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.moveacces.platform.outbox.OutboxFixture.Relay;
import ch.moveacces.platform.outbox.OutboxFixture.RelaySettings;
import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.TopicReader;
import ch.moveacces.testkit.TopicReader.Received;
import ch.moveacces.testkit.WithKafka;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and its relay on the embedded MariaDB and Kafka, with a test account holding only the
 * grants a producing service has: commit and rollback with a domain row, every row published once
 * in order per key, two relays at once without a duplicate, a relay whose Kafka is down (appends
 * succeed, pending and lag grow) and then back, and the retention cleanup.
 */
@WithKafka
class OutboxIT {

  /** Several partitions, so that the order per key is tested across them. */
  private static final int TOPIC_PARTITIONS = 3;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OutboxFixture fixture;

  @BeforeEach
  void freshTable() throws Exception {
    fixture = new OutboxFixture();
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void domainRowAndOutboxRowCommitTogether() throws Exception {
    OutboxMessage message = message("t", "user-1", 1);

    insertDomainRow(1, "Anna")
        .then(fixture.outbox.append(message))
        .as(fixture.transaction()::transactional)
        .block();

    assertThat(domainRows()).isEqualTo(1);
    assertThat(fixture.count("event_id = '" + message.eventId() + "' AND sent_at IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void rollbackLeavesNeitherRow() throws Exception {
    Mono<Void> failingChange =
        insertDomainRow(2, "Bernd")
            .then(fixture.outbox.append(message("t", "user-2", 1)))
            .then(Mono.error(new IllegalStateException("the domain change fails late")));

    assertThatThrownBy(() -> failingChange.as(fixture.transaction()::transactional).block())
        .hasMessageContaining("fails late");

    assertThat(domainRows()).isZero();
    assertThat(fixture.count("TRUE")).isZero();
  }

  @Test
  void relayPublishesEveryPendingRowOnceInOrderPerKey() throws Exception {
    String topic = TopicReader.newTopic("outbox-it", TOPIC_PARTITIONS);
    List<OutboxMessage> messages = messages(topic, 5, 40);
    append(messages);

    try (Relay relay =
        fixture.relay(TestEngines.kafka().bootstrapServers(), RelaySettings.defaults()).start()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.count("sent_at IS NULL") == 0);
      await().atMost(Duration.ofSeconds(10)).until(() -> relay.gauge("outbox.pending") == 0);
      assertThat(relay.counter("outbox.published")).isEqualTo(messages.size());
      assertThat(relay.counter("outbox.failures")).isZero();
    }

    assertPublishedOnceInOrder(topic, messages);
  }

  @Test
  void twoInstancesRelayingAtOncePublishEachRowOnce() throws Exception {
    String topic = TopicReader.newTopic("outbox-it", TOPIC_PARTITIONS);
    List<OutboxMessage> messages = messages(topic, 20, 15);
    RelaySettings smallBatches =
        new RelaySettings(7, Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(1));

    try (Relay first = fixture.relay(TestEngines.kafka().bootstrapServers(), smallBatches).start();
        Relay second =
            fixture.relay(TestEngines.kafka().bootstrapServers(), smallBatches).start()) {
      append(messages);
      await().atMost(Duration.ofSeconds(90)).until(() -> fixture.count("sent_at IS NULL") == 0);
      first.stopGracefully();
      second.stopGracefully();
      assertThat(first.counter("outbox.published") + second.counter("outbox.published"))
          .isEqualTo(messages.size());
    }

    assertPublishedOnceInOrder(topic, messages);
  }

  @Test
  void kafkaDownAppendsSucceedAndEveryRowIsPublishedOnceKafkaIsBack() throws Exception {
    String topic = TopicReader.newTopic("outbox-it", TOPIC_PARTITIONS);
    List<OutboxMessage> messages = messages(topic, 4, 10);
    RelaySettings failFast =
        new RelaySettings(
            50, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(500));

    try (Relay down = fixture.relay(closedPort(), failFast).start()) {
      append(messages.subList(0, 20));
      await().atMost(Duration.ofSeconds(30)).until(() -> down.counter("outbox.failures") >= 4);
      append(messages.subList(20, messages.size()));

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(down.gauge("outbox.pending")).isEqualTo(messages.size());
                assertThat(down.gauge("outbox.lag")).isPositive();
              });
      assertThat(fixture.count("attempts > 0 AND last_error IS NOT NULL")).isPositive();
      assertThat(down.counter("outbox.published")).isZero();
    }
    assertThat(fixture.count("sent_at IS NULL")).isEqualTo(messages.size());

    try (Relay back =
        fixture.relay(TestEngines.kafka().bootstrapServers(), RelaySettings.defaults()).start()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> fixture.count("sent_at IS NULL") == 0);
      await().atMost(Duration.ofSeconds(10)).until(() -> back.gauge("outbox.lag") == 0);
    }

    assertPublishedOnceInOrder(topic, messages);
  }

  @Test
  void aKafkaTimeoutEndsTheBatchInsteadOfTimingOutKeyAfterKey() throws Exception {
    String topic = TopicReader.newTopic("outbox-it", TOPIC_PARTITIONS);
    int keys = OutboxRelay.KEYS_IN_PARALLEL + 4;
    append(messages(topic, keys, 1));
    RelaySettings failFast =
        new RelaySettings(
            50, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30));

    try (Relay down = fixture.relay(closedPort(), failFast)) {
      down.relay().relayBatch().block();
    }

    assertThat(fixture.count("attempts = 1 AND last_error IS NOT NULL"))
        .isEqualTo(OutboxRelay.KEYS_IN_PARALLEL);
    assertThat(fixture.count("attempts = 0 AND sent_at IS NULL")).isEqualTo(4);
  }

  @Test
  void cleanupDeletesOnlySentRowsPastRetention() throws Exception {
    List<OutboxMessage> rows = messages("t", 1, 4);
    append(rows);
    String table = fixture.table.name();
    fixture.execute(sentAgo(table, rows.get(0), "8 DAY"));
    fixture.execute(sentAgo(table, rows.get(1), "6 DAY"));
    fixture.execute(
        "UPDATE "
            + table
            + " SET created_at = NOW(6) - INTERVAL 30 DAY WHERE event_id = '"
            + rows.get(2).eventId()
            + "'");
    fixture.execute(sentAgo(table, rows.get(3), "0 SECOND"));

    Boolean more =
        new OutboxCleanup(fixture.database, fixture.table, Duration.ofDays(7))
            .deleteChunk()
            .block();

    assertThat(more).isFalse();
    assertThat(eventIds())
        .containsExactly(
            rows.get(1).eventId().toString(),
            rows.get(2).eventId().toString(),
            rows.get(3).eventId().toString());
  }

  private static String sentAgo(String table, OutboxMessage row, String age) {
    return "UPDATE "
        + table
        + " SET sent_at = NOW(6) - INTERVAL "
        + age
        + " WHERE event_id = '"
        + row.eventId()
        + "'";
  }

  private void assertPublishedOnceInOrder(String topic, List<OutboxMessage> messages)
      throws Exception {
    List<Received> received = TopicReader.readAll(topic, messages.size());
    assertThat(TopicReader.recordCount(topic))
        .as("records on the topic")
        .isEqualTo(messages.size());
    assertThat(received.stream().map(record -> eventId(record.payload())))
        .containsExactlyInAnyOrderElementsOf(
            messages.stream().map(message -> message.eventId().toString()).toList());

    Map<String, List<Integer>> sequencePerKey = new LinkedHashMap<>();
    for (Received record : received) {
      sequencePerKey
          .computeIfAbsent(record.key(), key -> new ArrayList<>())
          .add(JSON.readTree(record.payload()).get("seq").asInt());
      assertThat(record.headers()).containsEntry("traceparent", traceparent(record.key()));
    }
    sequencePerKey.forEach(
        (key, sequence) -> assertThat(sequence).as("order of key %s", key).isSorted());
  }

  private static String eventId(String payload) {
    JsonNode json = JSON.readTree(payload);
    return json.get("id").asString();
  }

  private void append(List<OutboxMessage> messages) {
    Flux.fromIterable(messages).concatMap(fixture.outbox::append).blockLast();
  }

  /** {@code perKey} messages for each of {@code keys} keys, interleaved, numbered per key. */
  private static List<OutboxMessage> messages(String topic, int keys, int perKey) {
    List<OutboxMessage> messages = new ArrayList<>();
    for (int seq = 0; seq < perKey; seq++) {
      for (int k = 0; k < keys; k++) {
        messages.add(message(topic, "user-" + k, seq));
      }
    }
    return messages;
  }

  private static OutboxMessage message(String topic, String key, int seq) {
    UUID id = UUID.randomUUID();
    return new OutboxMessage(
        id,
        topic,
        key,
        "{\"id\":\"" + id + "\",\"seq\":" + seq + "}",
        Map.of("traceparent", traceparent(key)));
  }

  private static String traceparent(String key) {
    return "00-" + "%032x".formatted(Math.abs(key.hashCode())) + "-00f067aa0ba902b7-01";
  }

  private Mono<Void> insertDomainRow(long id, String name) {
    return fixture
        .database
        .sql("INSERT INTO " + fixture.domainTable + " (id, name) VALUES (:id, :name)")
        .bind("id", id)
        .bind("name", name)
        .then();
  }

  private long domainRows() throws Exception {
    try (Connection admin = TestEngines.adminConnection();
        Statement sql = admin.createStatement();
        ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + fixture.domainTable)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private List<String> eventIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection admin = TestEngines.adminConnection();
        Statement sql = admin.createStatement();
        ResultSet rows =
            sql.executeQuery("SELECT event_id FROM " + fixture.table.name() + " ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static String closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
