package ch.moveacces.auth.account;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The accounts: a {@code users} row and its {@code acces_app} credentials. */
@Repository
public class Accounts {

  private static final String CREDENTIALS =
      "SELECT u.user_id, u.email, a.password_hash FROM users u"
          + " JOIN acces_app a ON a.email = u.email WHERE ";

  private final DatabaseClient db;

  public Accounts(DatabaseClient db) {
    this.db = db;
  }

  public Mono<StoredCredentials> findByEmail(String email) {
    return credentials(db.sql(CREDENTIALS + "u.email = :email").bind("email", email));
  }

  public Mono<StoredCredentials> findByUserId(long userId) {
    return credentials(db.sql(CREDENTIALS + "u.user_id = :userId").bind("userId", userId));
  }

  public Mono<Long> findUserId(String email) {
    return db.sql("SELECT user_id FROM users WHERE email = :email")
        .bind("email", email)
        .map(row -> row.get("user_id", Long.class))
        .one();
  }

  /** Inserts the {@code users} row and gives its id; the caller holds the transaction. */
  public Mono<Long> insertUser(NewAccount account) {
    GenericExecuteSpec insert =
        db.sql(
                "INSERT INTO users (email, nom, prenom, date_naissance, rue, npa, localite, tel)"
                    + " VALUES (:email, :nom, :prenom, :dateNaissance, :rue, :npa, :localite,"
                    + " :tel)")
            .bind("email", account.email())
            .bind("nom", account.nom())
            .bind("prenom", account.prenom());
    insert = bindOrNull(insert, "dateNaissance", account.dateNaissance(), LocalDate.class);
    insert = bindOrNull(insert, "rue", account.rue(), String.class);
    insert = bindOrNull(insert, "npa", account.npa(), String.class);
    insert = bindOrNull(insert, "localite", account.localite(), String.class);
    insert = bindOrNull(insert, "tel", account.tel(), String.class);
    // Not RETURNING: MariaDB would then want an INSERT grant on user_id, which this account lacks.
    return insert.then().then(Mono.defer(() -> findUserId(account.email())));
  }

  public Mono<Void> insertCredentials(String email, String passwordHash) {
    return db.sql("INSERT INTO acces_app (email, password_hash) VALUES (:email, :hash)")
        .bind("email", email)
        .bind("hash", passwordHash)
        .then();
  }

  public Mono<Void> updatePasswordHash(String email, String passwordHash) {
    return db.sql("UPDATE acces_app SET password_hash = :hash WHERE email = :email")
        .bind("email", email)
        .bind("hash", passwordHash)
        .then();
  }

  private Mono<StoredCredentials> credentials(GenericExecuteSpec query) {
    return query
        .map(
            row ->
                new StoredCredentials(
                    row.get("user_id", Long.class),
                    row.get("email", String.class),
                    row.get("password_hash", String.class)))
        .one();
  }

  private static GenericExecuteSpec bindOrNull(
      GenericExecuteSpec spec, String name, @Nullable Object value, Class<?> type) {
    return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
  }
}
