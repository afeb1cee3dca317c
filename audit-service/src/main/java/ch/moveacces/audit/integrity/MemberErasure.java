package ch.moveacces.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Forgets one member: in one transaction, every personal row whose event is about them ({@code
 * user_id}) or was done by them ({@code actor_id}) and is not erased yet loses its personal
 * columns, envelope and salt, and points to a signed {@code audit_erasures} row that names how many
 * rows it erased and a digest of their event ids. The chain is untouched: it covers the personal
 * data only through each row's salted digest, which the verification then no longer checks for
 * these rows.
 */
public final class MemberErasure {

  private static final int MAX_REASON = 200;

  private final TrailDatabase database;
  private final CheckpointSigner signer;
  private final Clock clock;

  MemberErasure(TrailDatabase database, CheckpointSigner signer, Clock clock) {
    this.database = database;
    this.signer = signer;
    this.clock = clock;
  }

  /** What an erasure did: its id ({@code null} when the member had nothing left to erase). */
  public record Erasure(@Nullable Long id, int rowsErased) {}

  /**
   * Erases the member's personal data from the trail (blocking: call it off any event loop).
   *
   * @param userId the member's user id
   * @param reason why, kept with the signed erasure (at most 200 characters), e.g. {@code account
   *     deleted}
   */
  public Erasure erase(long userId, String reason) throws SQLException {
    if (reason.isBlank() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("An erasure's reason is 1 to 200 characters");
    }
    try (Connection db = database.connect()) {
      db.setAutoCommit(false);
      try {
        Erasure erasure = erase(db, userId, reason);
        db.commit();
        return erasure;
      } catch (SQLException | RuntimeException failed) {
        db.rollback();
        throw failed;
      }
    }
  }

  private Erasure erase(Connection db, long userId, String reason) throws SQLException {
    List<String> eventIds = personalRowsOf(db, userId);
    if (eventIds.isEmpty()) {
      return new Erasure(null, 0);
    }
    Instant erasedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    byte[] rowsDigest = SignedStatements.erasedRows(eventIds);
    byte[] signature =
        signer.sign(SignedStatements.erasure(erasedAt, reason, eventIds.size(), rowsDigest));
    long id = insertErasure(db, erasedAt, reason, eventIds.size(), rowsDigest, signature);
    try (PreparedStatement erase =
        db.prepareStatement(
            "UPDATE audit_personal_data SET user_id = NULL, actor_id = NULL, subject = NULL,"
                + " client_ip = NULL, user_agent = NULL, envelope = NULL, salt = NULL,"
                + " erasure_id = ? WHERE event_id = ? AND erasure_id IS NULL")) {
      for (String eventId : eventIds) {
        erase.setLong(1, id);
        erase.setString(2, eventId);
        erase.addBatch();
      }
      erase.executeBatch();
    }
    return new Erasure(id, eventIds.size());
  }

  private static List<String> personalRowsOf(Connection db, long userId) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT event_id FROM audit_personal_data"
                + " WHERE (user_id = ? OR actor_id = ?) AND erasure_id IS NULL"
                + " ORDER BY event_id FOR UPDATE")) {
      select.setLong(1, userId);
      select.setLong(2, userId);
      List<String> eventIds = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          eventIds.add(row.getString(1));
        }
      }
      return eventIds;
    }
  }

  private long insertErasure(
      Connection db,
      Instant erasedAt,
      String reason,
      int rowsErased,
      byte[] rowsDigest,
      byte[] signature)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO audit_erasures"
                + " (erased_at, reason, rows_erased, rows_digest, key_id, signature)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setObject(1, TrailVerification.utc(erasedAt));
      insert.setString(2, reason);
      insert.setInt(3, rowsErased);
      insert.setBytes(4, rowsDigest);
      insert.setString(5, signer.keyId());
      insert.setBytes(6, signature);
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        return key.getLong(1);
      }
    }
  }
}
