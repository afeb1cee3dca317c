package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The outbox table's migration as each producing service runs it: Spring Boot's Flyway with the
 * service's own {@code application.yml}, account and history table, on a fresh database and on one
 * migrated when each service kept its own copy of the table's script (kept in {@code
 * src/test/resources/hand-copied-migrations}, named as they were).
 *
 * <p>On a database migrated by the former copy, with a row appended, the service starts without a
 * validation error, the row, the table's creation time and auto-increment are kept, and the history
 * is the old one with that row taken over; on a fresh database the table is the one {@code SHOW
 * CREATE TABLE} shows for the copy; a table created by another script at that version stops the
 * start, and so does a version another of the service's migrations has.
 */
class OutboxTableMigrationIT {

  /** Each producing service as it was: its account, its table, the version of its copy. */
  enum Service {
    AUTH(ServiceAccount.AUTH, "outbox_auth", "2", "user_roles"),
    PROFILE(ServiceAccount.PROFILE, "outbox_profile", "1"),
    SUBSCRIPTION(ServiceAccount.SUBSCRIPTION, "outbox_subscription", "1");

    final ServiceAccount account;
    final String table;
    final String version;
    final List<String> otherTables;

    Service(ServiceAccount account, String table, String version, String... otherTables) {
      this.account = account;
      this.table = table;
      this.version = version;
      this.otherTables = List.of(otherTables);
    }

    String handCopy() {
      return "V" + version + "__" + table + ".sql";
    }
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void takesOverTheTableOfADatabaseMigratedByTheServicesOwnCopy(Service service) throws Exception {
    dropTablesOf(service);
    migrateAsBefore(service, "classpath:hand-copied-migrations/" + service.account.service());
    execute(
        "INSERT INTO "
            + service.table
            + " (event_id, topic, msg_key, payload, headers)"
            + " VALUES (UUID(), 'identity.events.v1', '42', '{}', '{}')");
    Map<String, Object> rowBefore = outboxRows(service);
    String tableBefore = showCreateTable(service.table);
    Object createdBefore = tableCreateTime(service.table);
    List<Map<String, Object>> historyBefore = history(service);
    assertThat(historyBefore)
        .filteredOn(row -> service.handCopy().equals(row.get("script")))
        .as("the old main's history")
        .hasSize(1);

    startService(
        service,
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(Flyway.class).info().pending()).isEmpty();
        });

    assertThat(outboxRows(service)).as("the row appended before").isEqualTo(rowBefore);
    assertThat(showCreateTable(service.table))
        .as("same table, same auto-increment")
        .isEqualTo(tableBefore)
        .contains("AUTO_INCREMENT=2");
    assertThat(tableCreateTime(service.table)).as("not recreated").isEqualTo(createdBefore);
    List<Map<String, Object>> historyAfter = history(service);
    assertThat(historyAfter).hasSameSizeAs(historyBefore);
    for (int i = 0; i < historyBefore.size(); i++) {
      Map<String, Object> before = historyBefore.get(i);
      Map<String, Object> after = historyAfter.get(i);
      for (String kept : List.of("installed_rank", "version", "installed_on", "installed_by")) {
        assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
      }
      if (service.handCopy().equals(before.get("script"))) {
        assertTheLibrarysMigration(service, after);
      } else {
        assertThat(after).isEqualTo(before);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Service.class)
  void createsOnAFreshDatabaseTheTableTheServicesCopyCreated(Service service) throws Exception {
    dropTablesOf(service);
    migrateAsBefore(service, "classpath:hand-copied-migrations/" + service.account.service());
    String byTheCopy = showCreateTable(service.table);
    dropTablesOf(service);

    startService(service, context -> assertThat(context).hasNotFailed());

    assertThat(showCreateTable(service.table)).isEqualTo(byTheCopy);
    assertThat(history(service))
        .filteredOn(row -> service.version.equals(row.get("version")))
        .singleElement()
        .satisfies(
            row -> {
              assertTheLibrarysMigration(service, row);
              assertThat(row.get("installed_by")).isEqualTo(service.account.username());
            });
  }

  /**
   * Only the service's own copy is taken over: a table another script created at that version stops
   * the start (its table and history row left as they were), it is not adopted in silence.
   */
  @Test
  void refusesToStartOverATableAnotherScriptCreated() throws Exception {
    Service service = Service.PROFILE;
    String otherScript = "V1__create_outbox_profile.sql";
    dropTablesOf(service);
    migrateAsBefore(service, "classpath:another-script-at-the-outbox-version");
    Object createdBefore = tableCreateTime(service.table);
    Map<String, Object> otherScriptsRow = historyRowOf(service, otherScript);

    startService(
        service,
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("'" + service.table + "' already exists"));

    assertThat(tableCreateTime(service.table)).isEqualTo(createdBefore);
    assertThat(historyRowOf(service, otherScript)).isEqualTo(otherScriptsRow);
  }

  @Test
  void refusesAVersionAnotherMigrationOfTheServiceHas() throws Exception {
    Service service = Service.AUTH;
    dropTablesOf(service);

    startService(
        service,
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("more than one migration with version 1"),
        "moveacces.outbox.migration.version=1");
  }

  private static Map<String, Object> historyRowOf(Service service, String script)
      throws SQLException {
    return history(service).stream()
        .filter(row -> script.equals(row.get("script")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(script + " not in the history"));
  }

  private static void assertTheLibrarysMigration(Service service, Map<String, Object> row) {
    OutboxTableMigration migration =
        new OutboxTableMigration(new OutboxTable(service.table), service.version);
    assertThat(row)
        .containsEntry("version", service.version)
        .containsEntry("type", "JDBC")
        .containsEntry("script", OutboxTableMigration.class.getName())
        .containsEntry("description", OutboxTableMigration.DESCRIPTION)
        .containsEntry("checksum", migration.getChecksum())
        .containsEntry("success", true);
  }

  /** The service's start: its Flyway configured by its application.yml, on the test database. */
  private static void startService(
      Service service,
      ContextConsumer<AssertableApplicationContext> assertions,
      String... overrides) {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                FlywayAutoConfiguration.class, OutboxMigrationAutoConfiguration.class))
        .withInitializer(
            context ->
                context.getEnvironment().getPropertySources().addLast(applicationYml(service)))
        .withPropertyValues(
            "spring.flyway.url=" + TestEngines.database().jdbcUrl(),
            "spring.flyway.user=" + service.account.username(),
            "spring.flyway.password=" + service.account.devOnlyPassword(),
            "spring.flyway.locations=filesystem:" + serviceMigrations(service))
        .withPropertyValues(overrides)
        .run(assertions);
  }

  /** The database as the old main left it: the service's migrations and its own copy. */
  private static void migrateAsBefore(Service service, String copies) {
    Flyway.configure()
        .dataSource(
            TestEngines.database().jdbcUrl(),
            service.account.username(),
            service.account.devOnlyPassword())
        .locations("filesystem:" + serviceMigrations(service), copies)
        .failOnMissingLocations(false)
        .table(service.account.flywayHistoryTable())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  private static PropertySource<?> applicationYml(Service service) {
    Path yml =
        repositoryRoot().resolve(service.account.service() + "/src/main/resources/application.yml");
    try {
      return new YamlPropertySourceLoader()
          .load("application.yml", new FileSystemResource(yml))
          .getFirst();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path serviceMigrations(Service service) {
    return repositoryRoot()
        .resolve(service.account.service() + "/src/main/resources/db/migration")
        .toAbsolutePath();
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("tests must run inside the Move Acces repository");
    }
    return dir;
  }

  private static void dropTablesOf(Service service) throws SQLException {
    List<String> tables = new ArrayList<>(service.otherTables);
    tables.add(service.table);
    tables.add(service.account.flywayHistoryTable());
    for (String table : tables) {
      execute("DROP TABLE IF EXISTS " + table);
    }
  }

  private static Map<String, Object> outboxRows(Service service) throws SQLException {
    List<Map<String, Object>> rows =
        query("SELECT id, event_id, created_at FROM " + service.table + " ORDER BY id");
    assertThat(rows).hasSize(1);
    return rows.getFirst();
  }

  private static List<Map<String, Object>> history(Service service) throws SQLException {
    return query(
        "SELECT installed_rank, version, description, type, script, checksum, installed_by,"
            + " installed_on, success FROM "
            + service.account.flywayHistoryTable()
            + " ORDER BY installed_rank");
  }

  private static String showCreateTable(String table) throws SQLException {
    return (String) query("SHOW CREATE TABLE " + table).getFirst().get("Create Table");
  }

  private static Object tableCreateTime(String table) throws SQLException {
    return query(
            "SELECT create_time FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = '"
                + table
                + "'")
        .getFirst()
        .get("create_time");
  }

  private static List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement statement = admin.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<Map<String, Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
