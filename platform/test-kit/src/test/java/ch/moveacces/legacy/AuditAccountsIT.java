package ch.moveacces.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.engines.MariaDbServer;
import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WithDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * audit-service's two accounts: the migration account creates the trail and grants the service's
 * account only what appending and reading (and erasing personal data) need, on a new database as on
 * one the service's account once migrated itself.
 */
@WithDatabase(ServiceAccount.AUDIT)
class AuditAccountsIT {

  private static final ServiceAccount AUDIT = ServiceAccount.AUDIT;
  private static final String RUNTIME = "'" + AUDIT.username() + "'@'%'";

  /** What the service's account holds on the trail and its history once migrated, and no more. */
  private static final Set<String> RUNTIME_PRIVILEGES =
      new TreeSet<>(
          List.of(
              "audit_checkpoints INSERT",
              "audit_checkpoints SELECT",
              "audit_erasures INSERT",
              "audit_erasures SELECT",
              "audit_logs INSERT",
              "audit_logs SELECT",
              "audit_personal_data INSERT",
              "audit_personal_data SELECT",
              "audit_personal_data.actor_id UPDATE",
              "audit_personal_data.client_ip UPDATE",
              "audit_personal_data.envelope UPDATE",
              "audit_personal_data.erasure_id UPDATE",
              "audit_personal_data.salt UPDATE",
              "audit_personal_data.subject UPDATE",
              "audit_personal_data.user_agent UPDATE",
              "audit_personal_data.user_id UPDATE"));

  @Test
  void theMigrationAccountRanEveryMigration() throws SQLException {
    MigratedDatabase.get();
    List<String> installedBy = new ArrayList<>();
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT installed_by FROM " + AUDIT.flywayHistoryTable() + " WHERE success")) {
      while (rows.next()) {
        installedBy.add(rows.getString(1));
      }
    }

    assertThat(installedBy).hasSizeGreaterThan(1).containsOnly(AUDIT.migrator().username());
  }

  @Test
  void theServicesAccountHoldsOnlyWhatAppendingReadingAndErasingNeed() throws SQLException {
    MigratedDatabase.get();
    try (Connection admin = TestEngines.adminConnection()) {
      assertThat(trailPrivileges(admin, AUDIT.username())).isEqualTo(RUNTIME_PRIVILEGES);
    }
  }

  @ParameterizedTest(name = "the migration account may not: {0}")
  @ValueSource(
      strings = {
        "SELECT user_id FROM users",
        "SELECT * FROM acces_app",
        "UPDATE abonnement SET abo_state = 'canceled'",
        "SELECT * FROM outbox_auth",
        "CREATE TABLE sneaky (id INT)",
        "DELETE FROM audit_logs",
        "DROP TABLE audit_logs",
        "DELETE FROM audit_personal_data",
        "GRANT SELECT ON users TO 'moveacces_audit'@'%'"
      })
  void theMigrationAccountIsRefusedOutsideTheTrail(String sql) throws SQLException {
    MigratedDatabase.get();
    try (Connection migrator =
            DriverManager.getConnection(
                TestEngines.database().jdbcUrl(),
                AUDIT.migrator().username(),
                AUDIT.migrator().devOnlyPassword());
        Statement statement = migrator.createStatement()) {
      migrator.setAutoCommit(false);
      try {
        assertThatThrownBy(() -> statement.execute(sql))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("denied");
      } finally {
        migrator.rollback();
      }
    }
  }

  /**
   * A database set up before the migration account existed: the service's account created
   * audit_logs (V1) with CREATE, ALTER and INDEX on it and owned its Flyway history. Setting the
   * accounts up again and starting the new version leaves it exactly the grants of a new database,
   * and setting the accounts up once more (as the devstack does at every start) changes nothing.
   */
  @Test
  void anEarlierDatabaseEndsWithTheGrantsOfANewOneAndARestoredOneGetsThemBack(@TempDir Path workDir)
      throws SQLException {
    try (MariaDbServer server = MariaDbServer.start(0, workDir)) {
      String url = server.jdbcUrl(LegacyDatabase.NAME);
      try (Connection admin = server.openAdminConnection();
          Statement statement = admin.createStatement()) {
        LegacyDatabase.createSchema(admin);
        // the audit-service part of service-accounts.sql before the migration account
        statement.execute(
            "CREATE USER 'moveacces_audit'@'%' IDENTIFIED BY '" + AUDIT.devOnlyPassword() + "'");
        statement.execute(
            "GRANT CREATE, ALTER, INDEX, SELECT, INSERT ON moveacces.audit_logs"
                + " TO 'moveacces_audit'@'%'");
        statement.execute(
            "GRANT CREATE, INDEX, SELECT, INSERT, UPDATE, DELETE ON moveacces.flyway_history_audit"
                + " TO 'moveacces_audit'@'%'");
      }
      migrate(url, AUDIT.runtime(), "1"); // as that version did: V1 only, and no callback
      assertThat(trailPrivilegesOn(server))
          .as("the earlier grants, or this test proves nothing")
          .contains("audit_logs ALTER", "flyway_history_audit DELETE");

      try (Connection admin = server.openAdminConnection()) {
        LegacyDatabase.createServiceAccounts(admin, DatabaseAccount::devOnlyPassword);
      }
      migrate(url, AUDIT.migrator(), "latest");

      assertThat(trailPrivilegesOn(server)).isEqualTo(RUNTIME_PRIVILEGES);
      try (Connection admin = server.openAdminConnection()) {
        LegacyDatabase.createServiceAccounts(admin, DatabaseAccount::devOnlyPassword);
      }
      assertThat(trailPrivilegesOn(server)).isEqualTo(RUNTIME_PRIVILEGES);

      restoredElsewhereGetsTheGrantsBackAtTheNextStart(server, url);
    }
  }

  /**
   * The grants live in MySQL's own schema, not in a dump: a dump restored on another server, with
   * the accounts created again, gets them back when the service starts, with nothing to migrate.
   * (On the server of the test above, to start one MariaDB less.)
   */
  private static void restoredElsewhereGetsTheGrantsBackAtTheNextStart(
      MariaDbServer server, String url) throws SQLException {
    try (Connection admin = server.openAdminConnection();
        Statement statement = admin.createStatement()) {
      for (String table :
          List.of("audit_logs", "audit_personal_data", "audit_checkpoints", "audit_erasures")) {
        statement.execute("REVOKE ALL PRIVILEGES ON moveacces." + table + " FROM " + RUNTIME);
      }
    }
    assertThat(trailPrivilegesOn(server)).as("as on a server the dump was loaded into").isEmpty();

    migrate(url, AUDIT.migrator(), "latest");

    assertThat(trailPrivilegesOn(server)).isEqualTo(RUNTIME_PRIVILEGES);
  }

  private static void migrate(String url, DatabaseAccount account, String target) {
    Flyway.configure()
        .skipDefaultCallbacks(!target.equals("latest"))
        .dataSource(url, account.username(), account.devOnlyPassword())
        .locations(
            "filesystem:"
                + MigratedDatabase.repositoryRoot()
                    .resolve(AUDIT.service() + "/src/main/resources/db/migration"))
        .table(AUDIT.flywayHistoryTable())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(Map.of(MigratedDatabase.RUNTIME_ACCOUNT_PLACEHOLDER, AUDIT.username()))
        .target(target)
        .load()
        .migrate();
  }

  private static Set<String> trailPrivilegesOn(MariaDbServer server) throws SQLException {
    try (Connection admin = server.openAdminConnection()) {
      return trailPrivileges(admin, AUDIT.username());
    }
  }

  /**
   * The account's privileges on the audit tables and audit-service's Flyway history, one {@code
   * "table PRIVILEGE"} or {@code "table.column PRIVILEGE"} each.
   */
  private static Set<String> trailPrivileges(Connection admin, String user) throws SQLException {
    String grantee = "'" + user + "'@'%'";
    String trail =
        " WHERE grantee = ? AND table_schema = '"
            + LegacyDatabase.NAME
            + "' AND (table_name LIKE 'audit\\_%' OR table_name = 'flyway_history_audit')";
    Set<String> privileges = new TreeSet<>();
    try (var tables =
        admin.prepareStatement(
            "SELECT table_name, privilege_type FROM information_schema.table_privileges" + trail)) {
      tables.setString(1, grantee);
      try (ResultSet rows = tables.executeQuery()) {
        while (rows.next()) {
          privileges.add(rows.getString(1) + " " + rows.getString(2));
        }
      }
    }
    try (var columns =
        admin.prepareStatement(
            "SELECT table_name, column_name, privilege_type"
                + " FROM information_schema.column_privileges"
                + trail)) {
      columns.setString(1, grantee);
      try (ResultSet rows = columns.executeQuery()) {
        while (rows.next()) {
          privileges.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3));
        }
      }
    }
    return privileges;
  }
}
