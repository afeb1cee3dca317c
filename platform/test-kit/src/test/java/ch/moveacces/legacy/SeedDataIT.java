package ch.moveacces.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WithDatabase;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithDatabase(ServiceAccount.AUDIT)
class SeedDataIT {

  @Test
  void seededPasswordVerifiesWithArgon2idAtTheAgreedCost() throws Exception {
    String hash =
        queryOne("SELECT password_hash FROM acces_app WHERE email = 'diogofebre@gmail.com'");

    assertThat(hash).startsWith("$argon2id$v=19$m=65536,t=3,p=1$");
    var argon2 = Argon2Factory.create(Argon2Types.ARGON2id);
    assertThat(argon2.verify(hash, LegacyDatabase.SEED_PASSWORD.toCharArray())).isTrue();
    assertThat(argon2.verify(hash, "TestPassword123?".toCharArray())).isFalse();
  }

  @Test
  void seedUserHasOneActiveAndOneExpiredAbonnementEvenWhenSeededTwice() throws Exception {
    try (Connection admin = TestEngines.adminConnection()) {
      LegacyDatabase.loadSeedData(admin);
    }

    assertThat(
            queryAll(
                "SELECT a.abo_state FROM abonnement a JOIN users u ON u.user_id = a.user_id"
                    + " WHERE u.email = 'diogofebre@gmail.com' ORDER BY a.abo_state"))
        .containsExactly("active", "expired");
    assertThat(queryOne("SELECT COUNT(*) FROM users WHERE email = 'diogofebre@gmail.com'"))
        .isEqualTo("1");
  }

  @Test
  void activeAbonnementRunsTodayAndExpiredOneEndedInThePast() throws Exception {
    assertThat(
            queryOne(
                "SELECT COUNT(*) FROM abonnement WHERE abo_state = 'active'"
                    + " AND abo_date_start <= CURRENT_DATE AND abo_date_stop > CURRENT_DATE"))
        .isEqualTo("1");
    assertThat(
            queryOne(
                "SELECT COUNT(*) FROM abonnement WHERE abo_state = 'expired'"
                    + " AND abo_date_stop < CURRENT_DATE"))
        .isEqualTo("1");
  }

  private static String queryOne(String sql) throws Exception {
    List<String> values = queryAll(sql);
    assertThat(values).hasSize(1);
    return values.getFirst();
  }

  private static List<String> queryAll(String sql) throws Exception {
    try (Connection admin = TestEngines.adminConnection();
        ResultSet rows = admin.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }
}
