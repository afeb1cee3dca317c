package ch.moveacces.profile.me;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Profiles in the legacy {@code users} table. Statements are fixed and every value is a bound
 * parameter. Timestamps are read as epoch seconds, which does not depend on the session's time
 * zone.
 */
@Repository
class Profiles {

  private static final String SELECT =
      """
      SELECT user_id, email, nom, prenom, date_naissance, rue, npa, localite, tel,
             UNIX_TIMESTAMP(created_at) AS created_epoch, UNIX_TIMESTAMP(updated_at) AS updated_epoch
      FROM users
      WHERE user_id = :userId
      """;

  /**
   * Only the columns this service's account may update. The WHERE clause repeats what was read, so
   * a row changed by someone else in between is left alone (optimistic concurrency).
   */
  private static final String UPDATE =
      """
      UPDATE users
      SET nom = :nom, prenom = :prenom, date_naissance = :dateNaissance, rue = :rue, npa = :npa,
          localite = :localite, tel = :tel, updated_at = CURRENT_TIMESTAMP
      WHERE user_id = :userId
        AND UNIX_TIMESTAMP(updated_at) = :readUpdatedEpoch
        AND nom <=> :readNom AND prenom <=> :readPrenom AND date_naissance <=> :readDateNaissance
        AND rue <=> :readRue AND npa <=> :readNpa AND localite <=> :readLocalite
        AND tel <=> :readTel
      """;

  private final DatabaseClient database;

  Profiles(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Takes the row's write lock for the rest of the transaction, so that concurrent changes of one
   * member queue up instead of racing. A no-op assignment of a column this account may update:
   * {@code SELECT … FOR UPDATE} would need more rights on {@code users} than its slice.
   */
  Mono<Void> lock(long userId) {
    return database
        .sql("UPDATE users SET updated_at = updated_at WHERE user_id = :userId")
        .bind("userId", userId)
        .then();
  }

  Mono<Profile> find(long userId) {
    return database.sql(SELECT).bind("userId", userId).map(Profiles::profile).one();
  }

  /** Whether the row was still as read and now holds the new fields. */
  Mono<Boolean> update(Profile read, ProfileFields updated) {
    ProfileFields before = read.fields();
    return database
        .sql(UPDATE)
        .bind("nom", updated.nom())
        .bind("prenom", updated.prenom())
        .bind("dateNaissance", orNull(updated.dateNaissance(), LocalDate.class))
        .bind("rue", orNull(updated.rue(), String.class))
        .bind("npa", orNull(updated.npa(), String.class))
        .bind("localite", orNull(updated.localite(), String.class))
        .bind("tel", orNull(updated.tel(), String.class))
        .bind("userId", read.userId())
        .bind("readUpdatedEpoch", read.updatedAt().getEpochSecond())
        .bind("readNom", before.nom())
        .bind("readPrenom", before.prenom())
        .bind("readDateNaissance", orNull(before.dateNaissance(), LocalDate.class))
        .bind("readRue", orNull(before.rue(), String.class))
        .bind("readNpa", orNull(before.npa(), String.class))
        .bind("readLocalite", orNull(before.localite(), String.class))
        .bind("readTel", orNull(before.tel(), String.class))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  private static Parameter orNull(@Nullable Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : Parameters.in(value);
  }

  private static Profile profile(Readable row) {
    return new Profile(
        number(row, "user_id").longValue(),
        text(row, "email"),
        new ProfileFields(
            text(row, "nom"),
            text(row, "prenom"),
            row.get("date_naissance", LocalDate.class),
            row.get("rue", String.class),
            row.get("npa", String.class),
            row.get("localite", String.class),
            row.get("tel", String.class)),
        Instant.ofEpochSecond(number(row, "created_epoch").longValue()),
        Instant.ofEpochSecond(number(row, "updated_epoch").longValue()));
  }

  private static String text(Readable row, String column) {
    String value = row.get(column, String.class);
    if (value == null) {
      throw new IllegalStateException("users." + column + " is NULL");
    }
    return value;
  }

  private static Number number(Readable row, String column) {
    Number value = row.get(column, Number.class);
    if (value == null) {
      throw new IllegalStateException(column + " is NULL");
    }
    return value;
  }
}
