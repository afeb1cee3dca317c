package ch.moveacces.subscription.abonnement;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Abonnements in the legacy {@code abonnement} table. Statements are fixed and every value is a
 * bound parameter. Timestamps are read as epoch seconds, which does not depend on the session's
 * time zone.
 */
@Repository
public class Abonnements {

  private static final String COLUMNS =
      """
      SELECT abo_id, user_id, abo_state, abo_name, abo_date_start, abo_date_stop, abo_price,
             abo_discount, abo_currency, abo_auto_renew,
             UNIX_TIMESTAMP(created_at) AS created_epoch, UNIX_TIMESTAMP(updated_at) AS updated_epoch
      FROM abonnement
      """;

  private final DatabaseClient database;

  Abonnements(DatabaseClient database) {
    this.database = database;
  }

  /** A member's abonnements, newest first. */
  Flux<Abonnement> ofUser(long userId) {
    return database
        .sql(COLUMNS + "WHERE user_id = :userId ORDER BY created_at DESC, abo_id DESC")
        .bind("userId", userId)
        .map(Abonnements::abonnement)
        .all();
  }

  public Mono<Abonnement> find(long id) {
    return database
        .sql(COLUMNS + "WHERE abo_id = :id")
        .bind("id", id)
        .map(Abonnements::abonnement)
        .one();
  }

  Mono<Abonnement> findOfUser(long id, long userId) {
    return database
        .sql(COLUMNS + "WHERE abo_id = :id AND user_id = :userId")
        .bind("id", id)
        .bind("userId", userId)
        .map(Abonnements::abonnement)
        .one();
  }

  /** The row, locked until the transaction ends. */
  Mono<Abonnement> lock(long id) {
    return database
        .sql(COLUMNS + "WHERE abo_id = :id FOR UPDATE")
        .bind("id", id)
        .map(Abonnements::abonnement)
        .one();
  }

  /** The member's row, locked until the transaction ends; empty when it is not theirs. */
  Mono<Abonnement> lockOfUser(long id, long userId) {
    return database
        .sql(COLUMNS + "WHERE abo_id = :id AND user_id = :userId FOR UPDATE")
        .bind("id", id)
        .bind("userId", userId)
        .map(Abonnements::abonnement)
        .one();
  }

  /**
   * Active and paused abonnements whose stop date is before {@code today}, locked; rows another
   * transaction holds are skipped, so several instances share the work without waiting.
   */
  public Flux<Abonnement> lockDue(LocalDate today, int limit) {
    return database
        .sql(
            COLUMNS
                + """
                WHERE abo_state IN ('active', 'paused') AND abo_date_stop < :today
                ORDER BY abo_id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
        .bind("today", today)
        .bind("limit", limit)
        .map(Abonnements::abonnement)
        .all();
  }

  /** Whether the row was still in state {@code from} and is now in {@code to}. */
  public Mono<Boolean> changeState(long id, AbonnementState from, AbonnementState to) {
    return database
        .sql("UPDATE abonnement SET abo_state = :to WHERE abo_id = :id AND abo_state = :from")
        .bind("to", to.value())
        .bind("id", id)
        .bind("from", from.value())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** The new abonnement's id. */
  public Mono<Long> insert(NewAbonnement abonnement) {
    return database
        .sql(
            """
            INSERT INTO abonnement (user_id, abo_state, abo_name, abo_date_start, abo_date_stop,
                                    abo_price, abo_discount, abo_currency, abo_auto_renew)
            VALUES (:userId, :state, :name, :dateStart, :dateStop, :price, :discount, :currency,
                    :autoRenew)
            """)
        .bind("userId", abonnement.userId())
        .bind("state", abonnement.state().value())
        .bind("name", abonnement.name())
        .bind("dateStart", abonnement.dateStart())
        .bind("dateStop", orNull(abonnement.dateStop(), LocalDate.class))
        .bind("price", abonnement.price())
        .bind("discount", abonnement.discount())
        .bind("currency", abonnement.currency())
        .bind("autoRenew", abonnement.autoRenew())
        .filter(statement -> statement.returnGeneratedValues("abo_id"))
        .map(row -> number(row, "abo_id").longValue())
        .one();
  }

  /** Whether {@code users} has this user id (the only column this service may read there). */
  public Mono<Boolean> userExists(long userId) {
    return database
        .sql("SELECT user_id FROM users WHERE user_id = :userId")
        .bind("userId", userId)
        .map(row -> true)
        .first()
        .defaultIfEmpty(false);
  }

  private static Parameter orNull(@Nullable Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : Parameters.in(value);
  }

  private static Abonnement abonnement(Readable row) {
    return new Abonnement(
        number(row, "abo_id").longValue(),
        number(row, "user_id").longValue(),
        AbonnementState.of(required(row, "abo_state", String.class)),
        required(row, "abo_name", String.class),
        required(row, "abo_date_start", LocalDate.class),
        row.get("abo_date_stop", LocalDate.class),
        required(row, "abo_price", BigDecimal.class),
        required(row, "abo_discount", BigDecimal.class),
        required(row, "abo_currency", String.class),
        number(row, "abo_auto_renew").intValue() != 0,
        Instant.ofEpochSecond(number(row, "created_epoch").longValue()),
        Instant.ofEpochSecond(number(row, "updated_epoch").longValue()));
  }

  private static Number number(Readable row, String column) {
    return required(row, column, Number.class);
  }

  private static <T> T required(Readable row, String column, Class<T> type) {
    T value = row.get(column, type);
    if (value == null) {
      throw new IllegalStateException("abonnement." + column + " is NULL");
    }
    return value;
  }
}
