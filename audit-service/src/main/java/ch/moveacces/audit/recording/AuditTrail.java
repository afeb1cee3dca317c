package ch.moveacces.audit.recording;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The append-only {@code audit_logs} table. Its account may only SELECT and INSERT, so a
 * redelivered event cannot be merged into its row ({@code ON DUPLICATE KEY UPDATE} needs UPDATE);
 * its INSERT is refused on the unique event id instead, and that one refusal, and no other error,
 * means "already recorded". {@code INSERT IGNORE} would also swallow truncations and bad values.
 */
@Repository
class AuditTrail {

  static final String EVENT_ID_KEY = "uq_audit_logs_event_id";

  // Times are UTC DATETIMEs; recorded_at is the database's UTC clock, whatever its time zone.
  private static final String INSERT =
      """
      INSERT INTO audit_logs (event_id, event_type, source, subject, user_id, occurred_at,
                              recorded_at, trace_id, client_ip, user_agent, payload)
      VALUES (:eventId, :type, :source, :subject, :userId, :occurredAt,
              UTC_TIMESTAMP(6), :traceId, :clientIp, :userAgent, :payload)
      """;

  private final DatabaseClient database;

  AuditTrail(DatabaseClient database) {
    this.database = database;
  }

  /** True when the entry was appended, false when its event was already recorded. */
  Mono<Boolean> append(AuditEntry entry) {
    return database
        .sql(INSERT)
        .bind("eventId", entry.eventId().toString())
        .bind("type", entry.type())
        .bind("source", entry.source())
        .bind("subject", entry.subject())
        .bind("userId", orNull(entry.userId(), Long.class))
        .bind("occurredAt", LocalDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
        .bind("traceId", orNull(entry.traceId(), String.class))
        .bind("clientIp", orNull(entry.clientIp(), String.class))
        .bind("userAgent", orNull(entry.userAgent(), String.class))
        .bind("payload", entry.envelope())
        .fetch()
        .rowsUpdated()
        .map(rows -> true)
        .onErrorResume(AuditTrail::isAlreadyRecorded, duplicate -> Mono.just(false));
  }

  private static boolean isAlreadyRecorded(Throwable error) {
    return error instanceof DuplicateKeyException duplicate
        && String.valueOf(duplicate.getMessage()).contains(EVENT_ID_KEY);
  }

  private static Parameter orNull(@Nullable Object value, Class<?> type) {
    return Parameter.fromOrEmpty(value, type);
  }
}
