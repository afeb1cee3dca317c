package ch.moveacces.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.moveacces.legacy.ServiceAccount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An outbox table of this test's own, written by the audit account, read through OutboxRows. */
class OutboxRowsIT {

  private static final String TABLE = "outbox_test_kit";
  private static final ServiceAccount WRITER = ServiceAccount.AUDIT;
  private static final OutboxRows OUTBOX = OutboxRows.of(TABLE, WRITER);

  @BeforeAll
  static void createTheTable() throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, event_id CHAR(36) NOT NULL,"
              + " topic VARCHAR(249) NOT NULL, msg_key VARCHAR(255) NOT NULL,"
              + " payload LONGTEXT NOT NULL)");
      statement.execute("GRANT SELECT, INSERT ON " + TABLE + " TO '" + WRITER.username() + "'@'%'");
    }
  }

  @Test
  void readsTheRowsOfAKeyOldestFirst() throws SQLException {
    String key = UUID.randomUUID().toString();
    String first = appendAsTheService(key, "{\"n\":1}");
    String second = appendAsTheService(key, "{\"n\":2}");
    appendAsTheService("someone-else", "{\"n\":3}");

    assertThat(OUTBOX.withKey(key))
        .extracting(OutboxRow::eventId, OutboxRow::topic, OutboxRow::key, OutboxRow::payload)
        .containsExactly(
            tuple(first, "test-kit.events.v1", key, "{\"n\":1}"),
            tuple(second, "test-kit.events.v1", key, "{\"n\":2}"));
  }

  @Test
  void readsWhatWasWrittenAfterAGivenRow() throws SQLException {
    long before = OUTBOX.lastId();
    String key = UUID.randomUUID().toString();
    String eventId = appendAsTheService(key, "{}");

    assertThat(OUTBOX.lastId()).isGreaterThan(before);
    assertThat(OUTBOX.after(before)).extracting(OutboxRow::eventId).containsExactly(eventId);
    assertThat(OUTBOX.all()).extracting(OutboxRow::eventId).contains(eventId);
  }

  @Test
  void holdsEachPayloadReadToTheCheckItIsGiven() throws SQLException {
    String key = UUID.randomUUID().toString();
    appendAsTheService(key, "{\"type\":\"refused\"}");
    OutboxRows checked =
        OUTBOX.eachPayloadCheckedBy(
            payload -> {
              if (payload.contains("refused")) {
                throw new AssertionError("not an event of the contract: " + payload);
              }
            });

    assertThatThrownBy(() -> checked.withKey(key))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("refused");
    assertThat(OUTBOX.withKey(key)).hasSize(1);
  }

  @Test
  void takesTheServicesRightToAppendAwayOnlyWhileTheActionRuns() throws SQLException {
    String key = UUID.randomUUID().toString();

    OUTBOX.withoutInserts(
        () ->
            assertThatThrownBy(() -> appendAsTheService(key, "{}"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied"));

    appendAsTheService(key, "{}");
    assertThat(OUTBOX.withKey(key)).hasSize(1);
  }

  @Test
  void refusesWhatIsNoTableName() {
    assertThatThrownBy(() -> OutboxRows.of("outbox; DROP TABLE users", WRITER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Appends a row on a new connection of the service's account; returns its event id. */
  private static String appendAsTheService(String key, String payload) throws SQLException {
    String eventId = UUID.randomUUID().toString();
    try (Connection service =
            DriverManager.getConnection(
                TestEngines.database().jdbcUrl(), WRITER.username(), WRITER.devOnlyPassword());
        PreparedStatement insert =
            service.prepareStatement(
                "INSERT INTO "
                    + TABLE
                    + " (event_id, topic, msg_key, payload)"
                    + " VALUES (?, 'test-kit.events.v1', ?, ?)")) {
      insert.setString(1, eventId);
      insert.setString(2, key);
      insert.setString(3, payload);
      insert.executeUpdate();
    }
    return eventId;
  }
}
