package ch.moveacces.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs each chain's head when it is due (both maxima are read off the {@code (chain, seq)} keys,
 * so a look every few seconds costs one index entry per chain, whatever the tables' size): {@code
 * rows} rows past its last checkpoint, or any row past a checkpoint older than {@code age}, or no
 * checkpoint yet. Several instances may sign at once: {@code UNIQUE(chain, seq)} keeps the first
 * checkpoint of a seq, the others are no-ops.
 */
final class Checkpoints {

  private static final String DUE_HEADS =
      """
      SELECT l.chain, l.seq, l.hash
      FROM audit_logs l
      JOIN (SELECT chain, MAX(seq) AS head FROM audit_logs WHERE chain IS NOT NULL GROUP BY chain) h
        ON h.chain = l.chain AND h.head = l.seq
      LEFT JOIN (SELECT chain, MAX(seq) AS seq FROM audit_checkpoints GROUP BY chain) m
        ON m.chain = l.chain
      LEFT JOIN audit_checkpoints c ON c.chain = m.chain AND c.seq = m.seq
      WHERE m.seq IS NULL OR (l.seq > c.seq AND (l.seq - c.seq >= ? OR c.signed_at <= ?))
      ORDER BY l.chain
      """;

  /** MariaDB's and MySQL's "duplicate entry" error code. */
  private static final int DUPLICATE_KEY = 1062;

  private final CheckpointSigner signer;
  private final long rows;
  private final Duration age;

  Checkpoints(CheckpointSigner signer, long rows, Duration age) {
    this.signer = signer;
    this.rows = rows;
    this.age = age;
  }

  /** Signs every chain due at {@code now}; the checkpoints written (not those another wrote). */
  List<StoredCheckpoint> signDue(Connection db, Instant now) throws SQLException {
    Instant signedAt = now.truncatedTo(ChronoUnit.MICROS);
    List<StoredCheckpoint> written = new ArrayList<>();
    for (StoredCheckpoint checkpoint : due(db, signedAt)) {
      if (insert(db, checkpoint)) {
        written.add(checkpoint);
      }
    }
    return written;
  }

  private List<StoredCheckpoint> due(Connection db, Instant signedAt) throws SQLException {
    try (PreparedStatement select = db.prepareStatement(DUE_HEADS)) {
      select.setLong(1, rows);
      select.setObject(2, TrailVerification.utc(signedAt.minus(age)));
      List<StoredCheckpoint> due = new ArrayList<>();
      try (ResultSet head = select.executeQuery()) {
        while (head.next()) {
          String chain = head.getString("chain");
          long seq = head.getLong("seq");
          byte[] hash = head.getBytes("hash");
          if (hash == null || hash.length != 32) {
            continue; // nothing to sign: the verification reports this row
          }
          byte[] statement = SignedStatements.checkpoint(chain, seq, hash, signedAt);
          due.add(
              new StoredCheckpoint(
                  chain, seq, hash, signedAt, signer.keyId(), signer.sign(statement)));
        }
      }
      return due;
    }
  }

  private static boolean insert(Connection db, StoredCheckpoint checkpoint) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO audit_checkpoints (chain, seq, hash, signed_at, key_id, signature)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, checkpoint.chain());
      insert.setLong(2, checkpoint.seq());
      insert.setBytes(3, checkpoint.hash());
      insert.setObject(4, TrailVerification.utc(checkpoint.signedAt()));
      insert.setString(5, checkpoint.keyId());
      insert.setBytes(6, checkpoint.signature());
      insert.executeUpdate();
      return true;
    } catch (SQLException refused) {
      if (refused.getErrorCode() == DUPLICATE_KEY) {
        return false; // another instance signed this seq first
      }
      throw refused;
    }
  }
}
