package ch.moveacces.auth;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code outbox_auth} directly, as the relay will: what auth-service is about to publish.
 * Every row read is checked against its type's schema, so no test reads an event the contract would
 * refuse.
 */
public final class OutboxRows {

  private static final EventSchemas SCHEMAS = EventSchemas.load();

  private OutboxRows() {}

  /** The rows of one key (a user id, or an unknown email's hash), oldest first. */
  public static List<Row> ofKey(String key) {
    return query(
        "SELECT id, topic, msg_key, payload FROM outbox_auth WHERE msg_key = ? ORDER BY id", key);
  }

  public static List<Row> ofKey(long userId) {
    return ofKey(String.valueOf(userId));
  }

  /** Every row written after the one with id {@code afterId}. */
  public static List<Row> after(long afterId) {
    return query(
        "SELECT id, topic, msg_key, payload FROM outbox_auth WHERE id > ? ORDER BY id", afterId);
  }

  public static List<Row> all() {
    return after(0);
  }

  /** The id of the newest row, 0 when there is none. */
  public static long lastId() {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement statement =
            admin.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM outbox_auth");
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Row> query(String sql, Object parameter) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement statement = admin.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      List<Row> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          SCHEMAS.check(result.getString("payload"));
          rows.add(
              new Row(
                  result.getLong("id"),
                  result.getString("topic"),
                  result.getString("msg_key"),
                  result.getString("payload")));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One outbox row; {@code payload} is the CloudEvents JSON as it will be published. */
  public record Row(long id, String topic, String key, String payload) {

    public EventEnvelope event() {
      return EventJson.read(payload);
    }

    public boolean is(EventType type) {
      return event().type().equals(type.type());
    }
  }
}
