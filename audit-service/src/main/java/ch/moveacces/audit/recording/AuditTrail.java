package ch.moveacces.audit.recording;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The append-only {@code audit_logs} table. Its account may only SELECT and INSERT, so a
 * redelivered event cannot be merged into its row ({@code ON DUPLICATE KEY UPDATE} needs UPDATE);
 * its INSERT is refused on the unique event id instead, and that one refusal, and no other error,
 * means "already recorded". {@code INSERT IGNORE} would also swallow truncations and bad values.
 *
 * <p>A row refused for its own values fails with {@link RefusedEvent}; any other failure (the
 * database unreachable, a connection lost, a timeout) is passed on as it is, to be tried again.
 */
@Repository
class AuditTrail {

  static final String EVENT_ID_KEY = "uq_audit_logs_event_id";

  /**
   * MariaDB's and MySQL's errors for a value its column cannot take: out of range (1264, 1690),
   * truncated (1265), incorrect (1292, 1366, 1367, 1411), datetime overflow (1441), too long
   * (1406), invalid JSON (3140), a failed CHECK (3819, 4025).
   */
  private static final Set<Integer> VALUE_REFUSED =
      Set.of(1264, 1265, 1292, 1366, 1367, 1406, 1411, 1441, 1690, 3140, 3819, 4025);

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

  /**
   * True when the entry was appended, false when its event was already recorded; {@link
   * RefusedEvent} when the table refuses its values.
   */
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
        .onErrorResume(AuditTrail::isAlreadyRecorded, duplicate -> Mono.just(false))
        .onErrorMap(
            AuditTrail::isRefusedForItsValues,
            refusal ->
                new RefusedEvent(
                    "audit_logs refused event " + entry.eventId() + ": " + refusal.getMessage(),
                    refusal));
  }

  private static boolean isAlreadyRecorded(Throwable error) {
    return error instanceof DuplicateKeyException duplicate
        && String.valueOf(duplicate.getMessage()).contains(EVENT_ID_KEY);
  }

  /**
   * A data exception (SQLSTATE class 22: too long, out of range, an invalid value) or a violated
   * constraint (class 23). r2dbc-mysql reports most data exceptions as an {@code
   * R2dbcNonTransientResourceException} without their SQLSTATE, as it reports a lost connection:
   * only the server's error code tells the two apart.
   */
  private static boolean isRefusedForItsValues(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof R2dbcDataIntegrityViolationException) {
        return true;
      }
      if (cause instanceof R2dbcException r2dbc
          && (VALUE_REFUSED.contains(r2dbc.getErrorCode())
              || isDataOrConstraintClass(r2dbc.getSqlState()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDataOrConstraintClass(@Nullable String sqlState) {
    return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
  }

  private static Parameter orNull(@Nullable Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : Parameters.in(value);
  }
}
