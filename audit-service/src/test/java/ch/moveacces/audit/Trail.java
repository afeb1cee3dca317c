package ch.moveacces.audit;

import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The audit_logs table read with the administrator's connection, not the code under test. */
public final class Trail {

  private static final String[] COLUMNS = {
    "event_id",
    "event_type",
    "source",
    "subject",
    "user_id",
    "occurred_at",
    "recorded_at",
    "trace_id",
    "client_ip",
    "user_agent",
    "payload"
  };

  private Trail() {}

  public static long rowsOf(String column, Object value) {
    return count("SELECT COUNT(*) FROM moveacces.audit_logs WHERE " + column + " = ?", value);
  }

  /** How many distinct events this subject has in the trail. */
  public static long distinctEventsOf(String subject) {
    return count(
        "SELECT COUNT(DISTINCT event_id) FROM moveacces.audit_logs WHERE subject = ?", subject);
  }

  /** The row of an event, its columns as strings (null where NULL). */
  public static Optional<Map<String, String>> row(String eventId) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement select =
            admin.prepareStatement(
                "SELECT "
                    + String.join(", ", COLUMNS)
                    + " FROM moveacces.audit_logs WHERE event_id = ?")) {
      select.setString(1, eventId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : COLUMNS) {
          columns.put(column, row.getString(column));
        }
        return Optional.of(columns);
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static long count(String sql, Object value) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement select = admin.prepareStatement(sql)) {
      select.setObject(1, value);
      try (ResultSet result = select.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
