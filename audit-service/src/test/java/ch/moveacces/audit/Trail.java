package ch.moveacces.audit;

import ch.moveacces.audit.chain.ChainLink;
import ch.moveacces.audit.chain.PersonalData;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail (audit_logs and audit_personal_data) read with the administrator's connection,
 * not the code under test.
 */
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
    "payload",
    "chain",
    "seq",
    "schema_valid",
    "actor",
    "actor_role",
    "actor_id"
  };

  /**
   * Each event as one row: a chained row's personal part comes from audit_personal_data, a row
   * recorded before chaining holds it in its own columns (payload is the envelope of either).
   */
  private static final String EVENTS =
      """
      (SELECT l.id, l.event_id, l.event_type, l.source, l.occurred_at, l.recorded_at, l.trace_id,
              l.chain, l.seq, l.prev_hash, l.hash, l.schema_valid, l.actor, l.actor_role,
              l.personal_digest, p.actor_id, p.salt, p.erasure_id,
              IF(l.chain IS NULL, l.subject, p.subject) AS subject,
              IF(l.chain IS NULL, l.user_id, p.user_id) AS user_id,
              IF(l.chain IS NULL, l.client_ip, p.client_ip) AS client_ip,
              IF(l.chain IS NULL, l.user_agent, p.user_agent) AS user_agent,
              IF(l.chain IS NULL, CAST(l.payload AS BINARY), p.envelope) AS payload
       FROM moveacces.audit_logs l
       LEFT JOIN moveacces.audit_personal_data p ON p.event_id = l.event_id) events
      """;

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
    return count("SELECT COUNT(*) FROM " + EVENTS + " WHERE " + column + " = ?", value);
  }

  /** How many distinct events this subject has in the trail. */
  public static long distinctEventsOf(String subject) {
    return count("SELECT COUNT(DISTINCT event_id) FROM " + EVENTS + " WHERE subject = ?", subject);
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
                    + " FROM "
                    + EVENTS
                    + " WHERE event_id = ?")) {
      select.setString(1, eventId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : COLUMNS) {
          columns.put(
              column,
              column.equals("schema_valid")
                  ? String.valueOf(row.getBoolean(column))
                  : row.getString(column));
        }
        return Optional.of(columns);
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /** A chain's links as stored, in seq order, with what their hashes cover. */
  public static List<StoredLink> chain(String chain) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement select =
            admin.prepareStatement("SELECT * FROM " + EVENTS + " WHERE chain = ? ORDER BY seq")) {
      select.setString(1, chain);
      List<StoredLink> links = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          ChainLink link =
              new ChainLink(
                  row.getString("chain"),
                  row.getLong("seq"),
                  row.getBytes("prev_hash"),
                  UUID.fromString(row.getString("event_id")),
                  row.getString("event_type"),
                  row.getString("source"),
                  instant(row, "occurred_at"),
                  instant(row, "recorded_at"),
                  row.getString("trace_id"),
                  row.getBoolean("schema_valid"),
                  row.getString("actor"),
                  row.getString("actor_role"),
                  row.getBytes("personal_digest"));
          // an erased row (another test's member) keeps its link but no personal data
          byte[] envelope = row.getBytes("payload");
          PersonalData personal =
              envelope == null
                  ? null
                  : new PersonalData(
                      row.getObject("user_id", Long.class),
                      row.getObject("actor_id", Long.class),
                      row.getString("subject"),
                      row.getString("client_ip"),
                      row.getString("user_agent"),
                      envelope);
          links.add(new StoredLink(link, row.getBytes("hash"), personal, row.getBytes("salt")));
        }
      }
      return links;
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /**
   * One stored link: what its hash covers, its hash, its personal part and that part's salt (both
   * null once erased).
   */
  public record StoredLink(
      ChainLink link, byte[] hash, @Nullable PersonalData personal, byte @Nullable [] salt) {}

  private static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
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
