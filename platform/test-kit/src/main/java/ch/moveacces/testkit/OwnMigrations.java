package ch.moveacces.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * An application with a database account ran its Flyway migrations at start-up, with that account's
 * {@link ServiceAccount#migrator() migrator} (the account itself unless the service has a migration
 * account of its own), into its own history table. Implemented by the application's {@code *IT}.
 */
public interface OwnMigrations {

  ServiceAccount account();

  @Test
  default void migratesWithItsOwnAccountIntoItsOwnHistoryTable() throws SQLException {
    String migrator = account().migrator().username();
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement();
        ResultSet history =
            statement.executeQuery("SELECT installed_by FROM " + account().flywayHistoryTable())) {
      assertThat(history.next()).as("rows in " + account().flywayHistoryTable()).isTrue();
      do {
        assertThat(history.getString("installed_by")).isEqualTo(migrator);
      } while (history.next());
    }
  }
}
