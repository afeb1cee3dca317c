package ch.moveacces.platform.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The SQL of one outbox table; the name is checked once, so it is safe to splice in. */
record OutboxTable(String name) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  OutboxTable {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "moveacces.outbox.table must be a plain table name (letters, digits, _): " + name);
    }
  }

  /**
   * The table's DDL ({@code outbox-table.sql} with this name for {@code ${table}}), without its
   * final semicolon: what {@link OutboxTableMigration} runs.
   */
  String create() {
    try (InputStream in = OutboxTable.class.getResourceAsStream("outbox-table.sql")) {
      if (in == null) {
        throw new IllegalStateException("outbox-table.sql is missing from the outbox library");
      }
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return template.replace("${table}", name).strip().replaceFirst(";$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String insert() {
    return "INSERT INTO "
        + name
        + " (event_id, topic, msg_key, payload, headers)"
        + " VALUES (:eventId, :topic, :key, :payload, :headers)";
  }

  /**
   * The oldest rows due, locked; rows another relay holds are skipped. A row waiting behind an
   * earlier row of its key that is backing off is left out, so that a failing key does not fill
   * every batch.
   */
  String lockDue() {
    return "SELECT o.id, o.event_id, o.topic, o.msg_key, o.payload, o.headers, o.attempts FROM "
        + name
        + " o WHERE o.sent_at IS NULL"
        + " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= NOW(6))"
        + " AND NOT EXISTS (SELECT 1 FROM "
        + name
        + " e WHERE e.msg_key = o.msg_key AND e.sent_at IS NULL AND e.id < o.id"
        + " AND e.next_attempt_at > NOW(6))"
        + " ORDER BY o.id LIMIT :limit FOR UPDATE SKIP LOCKED";
  }

  /** The oldest unsent row of each key, whoever holds it. */
  String oldestUnsentPerKey() {
    return "SELECT msg_key, MIN(id) AS first_id FROM "
        + name
        + " WHERE sent_at IS NULL AND msg_key IN (:keys) GROUP BY msg_key";
  }

  String markSent() {
    return "UPDATE " + name + " SET sent_at = NOW(6) WHERE id IN (:ids)";
  }

  String markFailed() {
    return "UPDATE "
        + name
        + " SET attempts = attempts + 1, last_error = :error,"
        + " next_attempt_at = DATE_ADD(NOW(6), INTERVAL :delayMicros MICROSECOND) WHERE id = :id";
  }

  String deleteSentBefore() {
    return "DELETE FROM "
        + name
        + " WHERE sent_at IS NOT NULL"
        + " AND sent_at < DATE_SUB(NOW(6), INTERVAL :retentionMicros MICROSECOND) LIMIT :limit";
  }

  String pendingStats() {
    return "SELECT COUNT(*) AS pending,"
        + " TIMESTAMPDIFF(MICROSECOND, MIN(created_at), NOW(6)) AS lag_micros FROM "
        + name
        + " WHERE sent_at IS NULL";
  }
}
