package ch.moveacces.legacy;

import ch.moveacces.testkit.TestEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/**
 * The test database (legacy schema, accounts and seed loaded by the test kit), its legacy DDL
 * recorded, then every service's Flyway migrations applied with that service's own account, as each
 * service does at start-up. Runs on MariaDB by default and on MySQL 8.0 with the testcontainers
 * profile.
 */
final class MigratedDatabase {

  /**
   * What a service's migrations call the account it runs with, where they grant it its part
   * (audit-service's {@code spring.flyway.placeholders.runtime_account}).
   */
  static final String RUNTIME_ACCOUNT_PLACEHOLDER = "runtime_account";

  private static MigratedDatabase instance;

  final Map<String, String> legacyDdlBeforeMigrations;
  final Map<ServiceAccount, Integer> appliedMigrations = new LinkedHashMap<>();

  private MigratedDatabase() throws SQLException {
    this.legacyDdlBeforeMigrations = legacyDdl();
    for (ServiceAccount account : ServiceAccount.values()) {
      appliedMigrations.put(account, migrate(account));
    }
  }

  static synchronized MigratedDatabase get() throws SQLException {
    if (instance == null) {
      instance = new MigratedDatabase();
    }
    return instance;
  }

  /**
   * {@code SHOW CREATE TABLE} of each legacy table, without the auto-increment counter: rows
   * written meanwhile move it, and it is data, not structure.
   */
  Map<String, String> legacyDdl() throws SQLException {
    Map<String, String> ddl = new LinkedHashMap<>();
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement()) {
      for (String table : LegacyDatabase.LEGACY_TABLES) {
        try (ResultSet row = statement.executeQuery("SHOW CREATE TABLE " + table)) {
          row.next();
          ddl.put(table, row.getString(2).replaceAll(" AUTO_INCREMENT=\\d+", ""));
        }
      }
    }
    return ddl;
  }

  Connection connectAs(ServiceAccount account) throws SQLException {
    return DriverManager.getConnection(
        TestEngines.database().jdbcUrl(), account.username(), account.devOnlyPassword());
  }

  /**
   * Runs the migrations kept in the service's module, exactly as the service configures Flyway
   * (with its migrator), and creates the outbox table its configuration names, with its account (at
   * start-up the outbox library's migration does that in the service's Flyway; platform/outbox
   * tests that part).
   */
  private int migrate(ServiceAccount account) throws SQLException {
    Path migrations =
        repositoryRoot().resolve(account.service() + "/src/main/resources/db/migration");
    int executed =
        Flyway.configure()
            .dataSource(
                TestEngines.database().jdbcUrl(),
                account.migrator().username(),
                account.migrator().devOnlyPassword())
            .locations("filesystem:" + migrations.toAbsolutePath())
            .placeholders(Map.of(RUNTIME_ACCOUNT_PLACEHOLDER, account.username()))
            .failOnMissingLocations(false)
            .table(account.flywayHistoryTable())
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate()
            .migrationsExecuted;
    String outboxTable = outboxTableOf(account);
    if (outboxTable == null) {
      return executed;
    }
    try (Connection connection = connectAs(account);
        Statement statement = connection.createStatement()) {
      statement.execute(outboxTableDdl().replace("${table}", outboxTable));
    }
    return executed + 1;
  }

  /** {@code moveacces.outbox.table} of the service's application.yml, if it has an outbox. */
  private static String outboxTableOf(ServiceAccount account) {
    Path yml = repositoryRoot().resolve(account.service() + "/src/main/resources/application.yml");
    try {
      Object table =
          new YamlPropertySourceLoader()
              .load("application.yml", new FileSystemResource(yml))
              .getFirst()
              .getProperty("moveacces.outbox.table");
      return table == null ? null : table.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String outboxTableDdl() {
    Path sql =
        repositoryRoot()
            .resolve(
                "platform/outbox/src/main/resources/ch/moveacces/platform/outbox/outbox-table.sql");
    try {
      return Files.readString(sql).strip().replaceFirst(";$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("tests must run inside the Move Acces repository");
    }
    return dir;
  }
}
