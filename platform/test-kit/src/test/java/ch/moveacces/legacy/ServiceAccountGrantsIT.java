package ch.moveacces.legacy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.testkit.WithDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each service account can do what its slice needs and is refused everywhere else. Writes run in a
 * transaction that is rolled back, so the shared database stays as seeded.
 */
@WithDatabase(ServiceAccount.AUDIT)
class ServiceAccountGrantsIT {

  @ParameterizedTest(name = "{0} may: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          AUTH         | SELECT user_id, email FROM users
          AUTH         | INSERT INTO users (email, nom, prenom) VALUES ('new@example.ch', 'Neu', 'Anna')
          AUTH         | SELECT email, password_hash FROM acces_app
          AUTH         | UPDATE acces_app SET password_hash = 'x' WHERE email = 'diogofebre@gmail.com'
          PROFILE      | SELECT user_id, email, nom, prenom, date_naissance, rue, npa, localite, tel, created_at, updated_at FROM users
          PROFILE      | UPDATE users SET nom = 'Muster', npa = '1000', tel = '+41211234567' WHERE user_id = 1
          SUBSCRIPTION | SELECT user_id FROM users
          SUBSCRIPTION | SELECT * FROM abonnement
          SUBSCRIPTION | UPDATE abonnement SET abo_state = 'paused' WHERE abo_state = 'active'
          SUBSCRIPTION | SELECT * FROM outbox_subscription FOR UPDATE SKIP LOCKED
          SUBSCRIPTION | INSERT INTO abonnement (user_id, abo_name, abo_date_start, abo_price) VALUES (1, 'Test', CURRENT_DATE, 10)
          AUTH         | SELECT * FROM outbox_auth
          AUTH         | UPDATE outbox_auth SET attempts = attempts + 1 WHERE sent_at IS NULL
          PROFILE      | SELECT * FROM outbox_profile
          PROFILE      | DELETE FROM outbox_profile WHERE sent_at < NOW()
          AUDIT        | SELECT * FROM audit_logs
          AUDIT        | INSERT INTO audit_logs (event_id, event_type, source, occurred_at, payload) VALUES (UUID(), 't', 's', NOW(6), '{}')
          AUDIT        | SELECT * FROM audit_personal_data
          AUDIT        | INSERT INTO audit_personal_data (event_id, occurred_at, user_id, envelope, salt) VALUES (UUID(), NOW(6), 1, 'e', 's')
          AUDIT        | UPDATE audit_personal_data SET user_id = NULL, actor_id = NULL, subject = NULL, client_ip = NULL, user_agent = NULL, envelope = NULL, salt = NULL, erasure_id = 1 WHERE user_id = 1
          AUDIT        | SELECT * FROM audit_checkpoints
          AUDIT        | INSERT INTO audit_checkpoints (chain, seq, hash, signed_at, key_id, signature) VALUES ('c-0', 1, 'h', NOW(6), 'k', 's')
          AUDIT        | SELECT * FROM audit_erasures
          AUDIT        | INSERT INTO audit_erasures (erased_at, reason, rows_erased, rows_digest, key_id, signature) VALUES (NOW(6), 'r', 0, 'd', 'k', 's')
          """)
  void accountCanWorkOnItsSlice(ServiceAccount account, String sql) throws Exception {
    assertThatCode(() -> executeAndRollBack(account, sql)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} may not: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          AUTH         | SELECT nom FROM users
          AUTH         | UPDATE users SET email = 'other@example.ch' WHERE user_id = 1
          AUTH         | DELETE FROM users WHERE user_id = 1
          AUTH         | SELECT * FROM abonnement
          AUTH         | UPDATE abonnement SET abo_state = 'canceled'
          AUTH         | SELECT * FROM audit_logs
          AUTH         | CREATE TABLE sneaky (id INT)
          PROFILE      | SELECT * FROM acces_app
          PROFILE      | UPDATE users SET email = 'other@example.ch' WHERE user_id = 1
          PROFILE      | UPDATE users SET user_id = 99 WHERE user_id = 1
          PROFILE      | INSERT INTO users (email, nom, prenom) VALUES ('x@example.ch', 'X', 'Y')
          PROFILE      | DELETE FROM users WHERE user_id = 1
          PROFILE      | SELECT * FROM abonnement
          PROFILE      | DROP TABLE users
          SUBSCRIPTION | SELECT email FROM users
          SUBSCRIPTION | UPDATE users SET nom = 'X' WHERE user_id = 1
          SUBSCRIPTION | INSERT INTO users (email, nom, prenom) VALUES ('x@example.ch', 'X', 'Y')
          SUBSCRIPTION | SELECT * FROM acces_app
          SUBSCRIPTION | SELECT * FROM audit_logs
          AUDIT        | UPDATE audit_logs SET event_type = 'forged'
          AUDIT        | DELETE FROM audit_logs
          AUDIT        | SELECT user_id FROM users
          AUDIT        | SELECT * FROM acces_app
          AUDIT        | SELECT * FROM abonnement
          AUDIT        | ALTER TABLE users ADD COLUMN x INT
          AUDIT        | ALTER TABLE audit_logs ADD COLUMN x INT
          AUDIT        | CREATE INDEX idx_sneaky ON audit_logs (event_type)
          AUDIT        | DROP TABLE audit_logs
          AUDIT        | CREATE TABLE audit_sneaky (id INT)
          AUDIT        | UPDATE audit_personal_data SET occurred_at = NOW(6)
          AUDIT        | UPDATE audit_personal_data SET event_id = UUID()
          AUDIT        | DELETE FROM audit_personal_data
          AUDIT        | ALTER TABLE audit_personal_data ADD COLUMN x INT
          AUDIT        | UPDATE audit_checkpoints SET seq = seq + 1
          AUDIT        | DELETE FROM audit_checkpoints
          AUDIT        | UPDATE audit_erasures SET reason = 'forged'
          AUDIT        | DELETE FROM audit_erasures
          AUDIT        | SELECT * FROM flyway_history_audit
          AUDIT        | UPDATE flyway_history_audit SET checksum = 0
          AUDIT        | DELETE FROM flyway_history_audit
          AUDIT        | INSERT INTO flyway_history_audit (installed_rank, version, description, type, script, installed_by, execution_time, success) VALUES (99, '99', 'x', 'SQL', 'x', 'x', 0, 1)
          PROFILE      | SELECT * FROM outbox_auth
          PROFILE      | SELECT * FROM outbox_subscription
          AUTH         | SELECT * FROM outbox_profile
          AUTH         | INSERT INTO outbox_subscription (event_id, topic, msg_key, payload, headers) VALUES (UUID(), 't', 'k', '{}', '{}')
          SUBSCRIPTION | SELECT * FROM outbox_auth
          SUBSCRIPTION | UPDATE outbox_profile SET sent_at = NOW()
          AUDIT        | SELECT * FROM outbox_auth
          AUDIT        | SELECT * FROM outbox_profile
          AUDIT        | SELECT * FROM outbox_subscription
          """)
  void accountIsRefusedOutsideItsSlice(ServiceAccount account, String sql) throws Exception {
    assertThatThrownBy(() -> executeAndRollBack(account, sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("denied");
  }

  private static void executeAndRollBack(ServiceAccount account, String sql) throws Exception {
    try (Connection connection = MigratedDatabase.get().connectAs(account);
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        statement.execute(sql);
      } finally {
        connection.rollback();
      }
    }
  }
}
