package ch.moveacces.testkit;

import ch.moveacces.legacy.LegacyDatabase;
import ch.moveacces.legacy.ServiceAccount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A service's outbox table read with the administrator's connection, as the relay will read it:
 * what the service is about to publish. Assertions do not trust the code under test, so nothing
 * here goes through the outbox library. Each payload read can be held to a check, the event's
 * schema say, so that no test reads an event the contract would refuse.
 *
 * <pre>{@code
 * OutboxRows outbox = OutboxRows.of("outbox_auth", ServiceAccount.AUTH)
 *     .eachPayloadCheckedBy(EventSchemas.load()::check);
 * }</pre>
 */
public final class OutboxRows {

  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String COLUMNS = "SELECT id, event_id, topic, msg_key, payload FROM ";

  private final String table;
  private final ServiceAccount writer;
  private final Consumer<String> payloadCheck;

  private OutboxRows(String table, ServiceAccount writer, Consumer<String> payloadCheck) {
    this.table = table;
    this.writer = writer;
    this.payloadCheck = payloadCheck;
  }

  /** The outbox {@code table} of the legacy schema that this service's account writes. */
  public static OutboxRows of(String table, ServiceAccount writer) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    return new OutboxRows(LegacyDatabase.NAME + "." + table, writer, payload -> {});
  }

  /** The same outbox, each payload read passed to {@code check} (which throws to refuse it). */
  public OutboxRows eachPayloadCheckedBy(Consumer<String> check) {
    return new OutboxRows(table, writer, check);
  }

  /** The rows of one key (a user id, say), oldest first. */
  public List<OutboxRow> withKey(String key) {
    return query(COLUMNS + table + " WHERE msg_key = ? ORDER BY id", key);
  }

  public List<OutboxRow> withKey(long key) {
    return withKey(Long.toString(key));
  }

  /** Every row written after the one with id {@code afterId}, oldest first. */
  public List<OutboxRow> after(long afterId) {
    return query(COLUMNS + table + " WHERE id > ? ORDER BY id", afterId);
  }

  public List<OutboxRow> all() {
    return after(0);
  }

  /** The id of the newest row, 0 when there is none. */
  public long lastId() {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement();
        ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /**
   * Runs {@code action} while the service's account may not append to its outbox, as a full or
   * broken table would refuse the row. Grant changes apply to the next statement of every open
   * connection, so the application's pool needs no restart.
   */
  public void withoutInserts(Runnable action) {
    String account = "'" + writer.username() + "'@'%'";
    execute("REVOKE INSERT ON " + table + " FROM " + account);
    try {
      action.run();
    } finally {
      execute("GRANT INSERT ON " + table + " TO " + account);
    }
  }

  private List<OutboxRow> query(String sql, Object parameter) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement statement = admin.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      List<OutboxRow> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          String payload = result.getString("payload");
          payloadCheck.accept(payload);
          rows.add(
              new OutboxRow(
                  result.getLong("id"),
                  result.getString("event_id"),
                  result.getString("topic"),
                  result.getString("msg_key"),
                  payload));
        }
      }
      return rows;
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static void execute(String sql) {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
