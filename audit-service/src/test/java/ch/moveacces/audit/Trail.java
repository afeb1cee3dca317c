package ch.moveacces.audit;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** Appends an event as the recorder would, bypassing Kafka; rows get ids in call order. */
  public static void insert(EventEnvelope event) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement insert =
            admin.prepareStatement(
                "INSERT INTO moveacces.audit_logs (event_id, event_type, source, subject, user_id,"
                    + " occurred_at, trace_id, client_ip, user_agent, payload)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, event.id().toString());
      insert.setString(2, event.type());
      insert.setString(3, event.source());
      insert.setString(4, event.subject());
      insert.setLong(5, Long.parseLong(event.subject()));
      insert.setObject(6, LocalDateTime.ofInstant(event.time(), ZoneOffset.UTC));
      insert.setString(
          7, event.traceparent() == null ? null : event.traceparent().substring(3, 35));
      insert.setObject(8, event.data().get(EventEnvelope.CLIENT_IP));
      insert.setObject(9, event.data().get(EventEnvelope.USER_AGENT));
      insert.setString(10, EventJson.write(event));
      insert.executeUpdate();
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  public static long rowsOf(String column, Object value) {
    return count("SELECT COUNT(*) FROM moveacces.audit_logs WHERE " + column + " = ?", value);
  }

  /** How many distinct events this subject has in the trail. */
  public static long distinctEventsOf(String subject) {
    return count(
        "SELECT COUNT(DISTINCT event_id) FROM moveacces.audit_logs WHERE subject = ?", subject);
  }

  /** How many rows each of these events has; an event without a row is absent from the map. */
  public static Map<String, Long> rowsPerEvent(Collection<String> eventIds) {
    List<String> ids = List.copyOf(eventIds);
    if (ids.isEmpty()) {
      return Map.of();
    }
    String sql =
        "SELECT event_id, COUNT(*) FROM moveacces.audit_logs WHERE event_id IN ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ") GROUP BY event_id";
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement select = admin.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        select.setString(i + 1, ids.get(i));
      }
      Map<String, Long> rows = new HashMap<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.put(result.getString(1), result.getLong(2));
        }
      }
      return rows;
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
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
