package ch.moveacces.legacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Sets up the customer's database on a server: the legacy tables (created only if absent, never
 * changed), the service accounts and, for development, the seed data. Every step can run again.
 */
public final class LegacyDatabase {

  /** The schema's name; the service accounts' grants name it. */
  public static final String NAME = "moveacces";

  /** The three tables that exist before any service runs. */
  public static final List<String> LEGACY_TABLES = List.of("users", "acces_app", "abonnement");

  public static final String SEED_EMAIL = "diogofebre@gmail.com";
  public static final String SEED_PASSWORD = "TestPassword123!";

  private static final String SCRIPTS = "ch/moveacces/legacy/";

  private LegacyDatabase() {}

  /**
   * Creates the schema and the legacy tables, the service accounts with {@code passwords} (e.g.
   * {@link DatabaseAccount#devOnlyPassword()}), and the seed data when {@code seed} is set. {@code
   * admin} needs every privilege, with GRANT OPTION.
   */
  public static void install(
      Connection admin, Function<DatabaseAccount, String> passwords, boolean seed)
      throws SQLException {
    createSchema(admin);
    createServiceAccounts(admin, passwords);
    if (seed) {
      loadSeedData(admin);
    }
  }

  public static void createSchema(Connection admin) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE DATABASE IF NOT EXISTS "
              + NAME
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    admin.setCatalog(NAME);
    run(admin, new ClassPathResource(SCRIPTS + "legacy-schema.sql"));
  }

  public static void createServiceAccounts(
      Connection admin, Function<DatabaseAccount, String> passwords) throws SQLException {
    String script = read("service-accounts.sql");
    for (DatabaseAccount account : ServiceAccount.databaseAccounts()) {
      script =
          script.replace(
              "${" + account.passwordVariable() + "}", sqlString(passwords.apply(account)));
    }
    run(admin, new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)));
  }

  public static void loadSeedData(Connection admin) throws SQLException {
    admin.setCatalog(NAME);
    run(admin, new ClassPathResource(SCRIPTS + "seed-data.sql"));
  }

  private static void run(Connection admin, Resource script) {
    ScriptUtils.executeSqlScript(admin, script);
  }

  private static String read(String script) {
    try (var in = LegacyDatabase.class.getClassLoader().getResourceAsStream(SCRIPTS + script)) {
      if (in == null) {
        throw new IllegalStateException(script + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The inside of a single-quoted SQL string literal. */
  private static String sqlString(String value) {
    return value.replace("\\", "\\\\").replace("'", "''");
  }
}
