package ch.moveacces.profile.me;

import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Members inserted and read with the administrator's connection: the profile account may not insert
 * users, and assertions must not trust the code under test.
 */
final class Members {

  static final String[] PROFILE_COLUMNS = {
    "email", "nom", "prenom", "date_naissance", "rue", "npa", "localite", "tel"
  };

  private Members() {}

  static long insert(String prenom, String nom) {
    String email = prenom.toLowerCase() + "-" + UUID.randomUUID() + "@example.ch";
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement insert =
            admin.prepareStatement(
                "INSERT INTO moveacces.users (email, nom, prenom, date_naissance, rue, npa,"
                    + " localite, tel) VALUES (?, ?, ?, '1985-06-01', 'Rue de Lausanne 1', '1201',"
                    + " 'Genève', '+41221234567')",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, email);
      insert.setString(2, nom);
      insert.setString(3, prenom);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /** The stored profile columns of a member, as strings (null where NULL). */
  static Map<String, String> row(long userId) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement select =
            admin.prepareStatement(
                "SELECT "
                    + String.join(", ", PROFILE_COLUMNS)
                    + " FROM moveacces.users WHERE user_id = ?")) {
      select.setLong(1, userId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No user " + userId);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : PROFILE_COLUMNS) {
          columns.put(column, row.getString(column));
        }
        return columns;
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  static long count() {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM moveacces.users")) {
      result.next();
      return result.getLong(1);
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
