package ch.moveacces.audit.recording;

import ch.moveacces.audit.chain.ChainLink;
import ch.moveacces.audit.chain.PersonalData;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The chained trail: each event is one link of its chain in {@code audit_logs} (no personal data)
 * and one row of {@code audit_personal_data}, both written in one transaction.
 *
 * <p>Each chain's head (last seq and hash) is kept in memory. Two writers may append to one chain
 * (a rebalance, a zombie consumer, several instances): the second INSERT of the same seq is refused
 * by {@code uq_audit_logs_chain_seq}, and that writer reloads the head from the table and tries
 * again, so seqs are never shared and never skipped. A new owner of a partition starts from the
 * last stored row the same way (a chain it has no head of yet).
 *
 * <p>The account may only SELECT and INSERT, so a redelivered event cannot be merged into its row;
 * its INSERT is refused on the event id instead (the personal row's primary key, or {@code
 * uq_audit_logs_event_id} for an event recorded before chaining), and that refusal means "already
 * recorded". A row refused for its own values fails with {@link RefusedEvent}; any other failure
 * (the database unreachable, a connection lost, a timeout) is passed on, to be tried again.
 */
@Repository
class AuditTrail {

  static final String EVENT_ID_KEY = "uq_audit_logs_event_id";
  static final String CHAIN_SEQ_KEY = "uq_audit_logs_chain_seq";
  static final String PERSONAL_KEY = "PRIMARY";

  /** Every refused seq means another writer appended meanwhile: this many in a row is absurd. */
  private static final int MAX_CONFLICTS = 1_000;

  /**
   * MariaDB's and MySQL's errors for a value its column cannot take: out of range (1264, 1690),
   * truncated (1265), incorrect (1292, 1366, 1367, 1411), datetime overflow (1441), too long
   * (1406), invalid JSON (3140), a failed CHECK (3819, 4025).
   */
  private static final Set<Integer> VALUE_REFUSED =
      Set.of(1264, 1265, 1292, 1366, 1367, 1406, 1411, 1441, 1690, 3140, 3819, 4025);

  private static final String HEAD =
      "SELECT seq, hash FROM audit_logs WHERE chain = :chain ORDER BY seq DESC LIMIT 1";

  private static final String INSERT_PERSONAL =
      """
      INSERT INTO audit_personal_data (event_id, occurred_at, user_id, actor_id, subject,
                                       client_ip, user_agent, envelope, salt)
      VALUES (:eventId, :occurredAt, :userId, :actorId, :subject,
              :clientIp, :userAgent, :envelope, :salt)
      """;

  private static final String INSERT_LINK =
      """
      INSERT INTO audit_logs (event_id, event_type, source, occurred_at, recorded_at, trace_id,
                              chain, seq, prev_hash, hash, schema_valid, actor, actor_role,
                              personal_digest)
      VALUES (:eventId, :type, :source, :occurredAt, :recordedAt, :traceId,
              :chain, :seq, :prevHash, :hash, :schemaValid, :actor, :actorRole,
              :personalDigest)
      """;

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final Map<String, ChainHead> heads = new ConcurrentHashMap<>();

  AuditTrail(
      DatabaseClient database,
      ReactiveTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    this.database = database;
    this.transaction = TransactionalOperator.create(transactions);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * True when the event was appended to {@code chain}, false when it was already recorded; {@link
   * RefusedEvent} when the table refuses its values.
   */
  Mono<Boolean> append(ReceivedEvent event, String chain) {
    return Mono.defer(() -> appendAfterHead(event, chain))
        .doOnError(failure -> heads.remove(chain))
        .retryWhen(Retry.max(MAX_CONFLICTS).filter(AuditTrail::isChainConflict))
        .onErrorResume(AuditTrail::isAlreadyRecorded, duplicate -> Mono.just(false))
        .onErrorMap(
            AuditTrail::isRefusedForItsValues,
            refusal ->
                new RefusedEvent(
                    "audit_logs refused event " + event.eventId() + ": " + refusal.getMessage(),
                    refusal));
  }

  private Mono<Boolean> appendAfterHead(ReceivedEvent event, String chain) {
    return head(chain)
        .flatMap(
            head -> {
              byte[] salt = PersonalData.newSalt();
              ChainLink link =
                  new ChainLink(
                      chain,
                      head.nextSeq(),
                      head.hash(),
                      event.eventId(),
                      event.type(),
                      event.source(),
                      event.occurredAt(),
                      now(),
                      event.traceId(),
                      event.schemaValid(),
                      event.actor(),
                      event.actorRole(),
                      event.personal().digest(salt));
              byte[] hash = link.hash();
              return insertPersonal(event, salt)
                  .then(insertLink(link, hash))
                  .as(transaction::transactional)
                  .doOnSuccess(stored -> heads.put(chain, new ChainHead(link.seq(), hash)))
                  .thenReturn(true);
            });
  }

  private Mono<ChainHead> head(String chain) {
    ChainHead cached = heads.get(chain);
    if (cached != null) {
      return Mono.just(cached);
    }
    return database
        .sql(HEAD)
        .bind("chain", chain)
        .map(
            row ->
                new ChainHead(
                    required(row.get("seq", Number.class)).longValue(),
                    required(row.get("hash", byte[].class))))
        .one()
        .defaultIfEmpty(ChainHead.EMPTY);
  }

  private Mono<Long> insertPersonal(ReceivedEvent event, byte[] salt) {
    PersonalData personal = event.personal();
    return database
        .sql(INSERT_PERSONAL)
        .bind("eventId", event.eventId().toString())
        .bind("occurredAt", utc(event.occurredAt()))
        .bind("userId", orNull(personal.userId(), Long.class))
        .bind("actorId", orNull(personal.actorId(), Long.class))
        .bind("subject", orNull(personal.subject(), String.class))
        .bind("clientIp", orNull(personal.clientIp(), String.class))
        .bind("userAgent", orNull(personal.userAgent(), String.class))
        .bind("envelope", personal.envelope())
        .bind("salt", salt)
        .fetch()
        .rowsUpdated();
  }

  private Mono<Long> insertLink(ChainLink link, byte[] hash) {
    return database
        .sql(INSERT_LINK)
        .bind("eventId", link.eventId().toString())
        .bind("type", link.eventType())
        .bind("source", link.source())
        .bind("occurredAt", utc(link.occurredAt()))
        .bind("recordedAt", utc(link.recordedAt()))
        .bind("traceId", orNull(link.traceId(), String.class))
        .bind("chain", link.chain())
        .bind("seq", link.seq())
        .bind("prevHash", link.prevHash())
        .bind("hash", hash)
        .bind("schemaValid", link.schemaValid())
        .bind("actor", orNull(link.actor(), String.class))
        .bind("actorRole", orNull(link.actorRole(), String.class))
        .bind("personalDigest", link.personalDigest())
        .fetch()
        .rowsUpdated();
  }

  /** The application's clock to the microsecond, as the table and the hash keep it. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static boolean isChainConflict(Throwable error) {
    return isDuplicateOf(error, CHAIN_SEQ_KEY);
  }

  private static boolean isAlreadyRecorded(Throwable error) {
    return isDuplicateOf(error, EVENT_ID_KEY) || isDuplicateOf(error, PERSONAL_KEY);
  }

  private static boolean isDuplicateOf(Throwable error, String key) {
    // MariaDB names the key alone, MySQL 8 prefixes it with its table
    return error instanceof DuplicateKeyException duplicate
        && Pattern.compile("for key '([^']*\\.)?" + key + "'")
            .matcher(String.valueOf(duplicate.getMessage()))
            .find();
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

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("audit_logs holds a link without seq or hash");
    }
    return value;
  }

  private static Parameter orNull(@Nullable Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : Parameters.in(value);
  }
}
