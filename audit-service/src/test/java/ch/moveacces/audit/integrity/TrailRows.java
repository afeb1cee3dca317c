package ch.moveacces.audit.integrity;

import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chained tables as the database's root sees them: rows written as the recorder writes them,
 * tampered with as an intruder with root would, read back, and removed after a test.
 */
final class TrailRows {

  private TrailRows() {}

  static void insert(List<StoredRow> rows) {
    for (StoredRow row : rows) {
      execute(
          "INSERT INTO audit_logs (event_id, event_type, source, occurred_at, recorded_at,"
              + " trace_id, chain, seq, prev_hash, hash, schema_valid, actor, actor_role,"
              + " personal_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row.eventId(),
          row.eventType(),
          row.source(),
          TrailVerification.utc(row.occurredAt()),
          TrailVerification.utc(row.recordedAt()),
          row.traceId(),
          row.chain(),
          row.seq(),
          row.prevHash(),
          row.hash(),
          row.schemaValid(),
          row.actor(),
          row.actorRole(),
          row.personalDigest());
      StoredRow.Personal personal = row.personal();
      execute(
          "INSERT INTO audit_personal_data (event_id, occurred_at, user_id, actor_id, subject,"
              + " client_ip, user_agent, envelope, salt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row.eventId(),
          TrailVerification.utc(row.occurredAt()),
          personal.userId(),
          personal.actorId(),
          personal.subject(),
          personal.clientIp(),
          personal.userAgent(),
          personal.envelope(),
          personal.salt());
    }
  }

  /** Every row of the chain, its personal rows, checkpoints and the erasures of those rows. */
  static void remove(String chain, List<String> eventIds) {
    if (!eventIds.isEmpty()) {
      String ids = String.join(", ", Collections.nCopies(eventIds.size(), "?"));
      execute(
          "DELETE FROM audit_erasures WHERE id IN (SELECT erasure_id FROM audit_personal_data"
              + " WHERE event_id IN ("
              + ids
              + "))",
          eventIds.toArray());
      execute(
          "DELETE FROM audit_personal_data WHERE event_id IN (" + ids + ")", eventIds.toArray());
    }
    execute("DELETE FROM audit_logs WHERE chain = ?", chain);
    execute("DELETE FROM audit_checkpoints WHERE chain = ?", chain);
  }

  /** The personal row of an event, its columns as strings (null where NULL). */
  static Map<String, String> personal(String eventId) {
    try (Connection root = TestEngines.adminConnection();
        PreparedStatement select =
            root.prepareStatement(
                "SELECT user_id, actor_id, subject, client_ip, user_agent, envelope, salt,"
                    + " erasure_id FROM audit_personal_data WHERE event_id = ?")) {
      select.setString(1, eventId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
          columns.put(row.getMetaData().getColumnLabel(i), row.getString(i));
        }
        return columns;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Long> checkpointedSeqs(String chain) {
    try (Connection root = TestEngines.adminConnection();
        PreparedStatement select =
            root.prepareStatement(
                "SELECT seq FROM audit_checkpoints WHERE chain = ? ORDER BY seq")) {
      select.setString(1, chain);
      List<Long> seqs = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          seqs.add(row.getLong(1));
        }
      }
      return seqs;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A statement as the database's root, as an intruder with root would run it. */
  static int execute(String sql, Object... values) {
    try (Connection root = TestEngines.adminConnection();
        PreparedStatement statement = root.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
