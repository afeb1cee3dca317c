package ch.moveacces.audit.integrity;

import ch.moveacces.audit.integrity.IntegrityProblem.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a verification needs over JDBC and feeds it to {@link ChainVerification}, for the
 * service ({@code GET /audit/verify}) and the command line alike. For each chain with rows recorded
 * in the window it reads from the row before the window (or seq 1) to the first checkpoint at or
 * after the window's last row (or the chain's head when none is): a row changed and re-hashed with
 * all its successors is caught by that checkpoint, even when it is the window's last row.
 */
final class TrailVerification {

  private static final int FETCH_SIZE = 500;

  private static final String ROWS =
      """
      SELECT l.chain, l.seq, l.prev_hash, l.hash, l.event_id, l.event_type, l.source,
             l.occurred_at, l.recorded_at, l.trace_id, l.schema_valid, l.actor, l.actor_role,
             l.personal_digest, p.event_id AS personal_event_id, p.user_id, p.actor_id,
             p.subject AS personal_subject, p.client_ip AS personal_client_ip,
             p.user_agent AS personal_user_agent, p.envelope, p.salt, p.erasure_id
      FROM audit_logs l LEFT JOIN audit_personal_data p ON p.event_id = l.event_id
      WHERE l.chain = ? AND l.seq BETWEEN ? AND ?
      ORDER BY l.seq
      """;

  private final CheckpointKeys keys;

  TrailVerification(CheckpointKeys keys) {
    this.keys = keys;
  }

  /** Verifies the rows recorded from {@code from} (inclusive) to {@code to} (exclusive). */
  VerificationReport verify(Connection db, @Nullable Instant from, @Nullable Instant to)
      throws SQLException {
    Window window = new Window(from, to);
    List<ChainResult> chains = new ArrayList<>();
    Map<Long, StoredRow> erased = new LinkedHashMap<>();
    for (ChainSpan span : chains(db, window)) {
      ChainVerification verification = verify(db, span);
      chains.add(verification.finish());
      verification.erasedRows().forEach(erased::putIfAbsent);
    }
    List<IntegrityProblem> erasureProblems = new ArrayList<>();
    for (Map.Entry<Long, StoredRow> entry : erased.entrySet()) {
      checkErasure(db, entry.getKey(), entry.getValue()).ifPresent(erasureProblems::add);
    }
    return VerificationReport.of(from, to, chains, erasureProblems, rowsBeforeChaining(db, window));
  }

  private ChainVerification verify(Connection db, ChainSpan span) throws SQLException {
    long startSeq = Math.max(1, span.firstSeq() - 1);
    Long nextCheckpoint =
        number(
            db,
            "SELECT MIN(seq) FROM audit_checkpoints WHERE chain = ? AND seq >= ?",
            span.chain(),
            span.lastSeq());
    long endSeq =
        nextCheckpoint != null
            ? nextCheckpoint
            : number(db, "SELECT MAX(seq) FROM audit_logs WHERE chain = ?", span.chain());
    Long lastSigned =
        number(db, "SELECT MAX(seq) FROM audit_checkpoints WHERE chain = ?", span.chain());
    ChainVerification verification =
        new ChainVerification(
            span.chain(),
            startSeq,
            lastSigned,
            checkpoints(db, span.chain(), startSeq, endSeq),
            keys);
    try (PreparedStatement rows = db.prepareStatement(ROWS)) {
      rows.setFetchSize(FETCH_SIZE);
      rows.setString(1, span.chain());
      rows.setLong(2, startSeq);
      rows.setLong(3, endSeq);
      try (ResultSet row = rows.executeQuery()) {
        while (row.next()) {
          verification.accept(storedRow(row));
        }
      }
    }
    return verification;
  }

  private Optional<IntegrityProblem> checkErasure(Connection db, long erasureId, StoredRow seenAt)
      throws SQLException {
    Optional<StoredErasure> erasure = erasure(db, erasureId);
    String detail = null;
    if (erasure.isEmpty()) {
      detail = "erased by erasure " + erasureId + ", which does not exist";
    } else if (!erasure.get().verifiesWith(keys)) {
      detail = "erasure " + erasureId + "'s signature does not verify";
    } else if (!erasure.get().accountsFor(erasedEventIds(db, erasureId))) {
      detail = "erasure " + erasureId + " signed another set of rows than those erased by it";
    }
    return detail == null
        ? Optional.empty()
        : Optional.of(
            new IntegrityProblem(
                Kind.ERASURE, seenAt.chain(), seenAt.seq(), seenAt.eventId(), detail));
  }

  private static List<ChainSpan> chains(Connection db, Window window) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT chain, MIN(seq), MAX(seq) FROM audit_logs WHERE chain IS NOT NULL"
                + window.condition()
                + " GROUP BY chain ORDER BY chain")) {
      window.bind(select, 1);
      List<ChainSpan> spans = new ArrayList<>();
      try (ResultSet span = select.executeQuery()) {
        while (span.next()) {
          spans.add(new ChainSpan(span.getString(1), span.getLong(2), span.getLong(3)));
        }
      }
      return spans;
    }
  }

  private static long rowsBeforeChaining(Connection db, Window window) throws SQLException {
    try (PreparedStatement count =
        db.prepareStatement(
            "SELECT COUNT(*) FROM audit_logs WHERE chain IS NULL" + window.condition())) {
      window.bind(count, 1);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static List<StoredCheckpoint> checkpoints(
      Connection db, String chain, long fromSeq, long toSeq) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT chain, seq, hash, signed_at, key_id, signature FROM audit_checkpoints"
                + " WHERE chain = ? AND seq BETWEEN ? AND ? ORDER BY seq")) {
      select.setString(1, chain);
      select.setLong(2, fromSeq);
      select.setLong(3, toSeq);
      List<StoredCheckpoint> checkpoints = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          checkpoints.add(
              new StoredCheckpoint(
                  row.getString("chain"),
                  row.getLong("seq"),
                  row.getBytes("hash"),
                  instant(row, "signed_at"),
                  row.getString("key_id"),
                  row.getBytes("signature")));
        }
      }
      return checkpoints;
    }
  }

  private static Optional<StoredErasure> erasure(Connection db, long id) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id, erased_at, reason, rows_erased, rows_digest, key_id, signature"
                + " FROM audit_erasures WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredErasure(
                row.getLong("id"),
                instant(row, "erased_at"),
                row.getString("reason"),
                row.getLong("rows_erased"),
                row.getBytes("rows_digest"),
                row.getString("key_id"),
                row.getBytes("signature")));
      }
    }
  }

  private static List<String> erasedEventIds(Connection db, long erasureId) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement("SELECT event_id FROM audit_personal_data WHERE erasure_id = ?")) {
      select.setLong(1, erasureId);
      List<String> ids = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          ids.add(row.getString(1));
        }
      }
      return ids;
    }
  }

  private static StoredRow storedRow(ResultSet row) throws SQLException {
    StoredRow.Personal personal =
        row.getString("personal_event_id") == null
            ? null
            : new StoredRow.Personal(
                longOrNull(row, "user_id"),
                longOrNull(row, "actor_id"),
                row.getString("personal_subject"),
                row.getString("personal_client_ip"),
                row.getString("personal_user_agent"),
                row.getBytes("envelope"),
                row.getBytes("salt"),
                longOrNull(row, "erasure_id"));
    return new StoredRow(
        row.getString("chain"),
        row.getLong("seq"),
        row.getBytes("prev_hash"),
        row.getBytes("hash"),
        row.getString("event_id"),
        row.getString("event_type"),
        row.getString("source"),
        instant(row, "occurred_at"),
        instant(row, "recorded_at"),
        row.getString("trace_id"),
        row.getBoolean("schema_valid"),
        row.getString("actor"),
        row.getString("actor_role"),
        row.getBytes("personal_digest"),
        personal);
  }

  private static @Nullable Long number(Connection db, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement select = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        select.setObject(i + 1, values[i]);
      }
      try (ResultSet result = select.executeQuery()) {
        return result.next() ? longOrNull(result, 1) : null;
      }
    }
  }

  private static @Nullable Long longOrNull(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static @Nullable Long longOrNull(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A chain's seqs recorded in the window. */
  private record ChainSpan(String chain, long firstSeq, long lastSeq) {}

  /** {@code recorded_at} from (inclusive) to (exclusive), either end open. */
  private record Window(@Nullable Instant from, @Nullable Instant to) {

    String condition() {
      return (from == null ? "" : " AND recorded_at >= ?")
          + (to == null ? "" : " AND recorded_at < ?");
    }

    void bind(PreparedStatement statement, int first) throws SQLException {
      int index = first;
      if (from != null) {
        statement.setObject(index++, utc(from));
      }
      if (to != null) {
        statement.setObject(index, utc(to));
      }
    }
  }
}
