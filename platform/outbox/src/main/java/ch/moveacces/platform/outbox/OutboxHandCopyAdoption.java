package ch.moveacces.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over, for {@link OutboxTableMigration}, the history row of the script each service used to
 * keep a copy of ({@code V1__outbox_profile.sql}, {@code V1__outbox_subscription.sql}, {@code
 * V2__outbox_auth.sql}): that row, and only that one (same version, that script name, an SQL
 * migration that succeeded), is rewritten to record the library's migration, before Flyway
 * validates. The table it created is left as it is. Any other row at that version still fails
 * validation, as a lost or foreign migration should.
 */
final class OutboxHandCopyAdoption implements Callback {

  private static final Logger log = LoggerFactory.getLogger(OutboxHandCopyAdoption.class);

  private final OutboxTableMigration migration;

  OutboxHandCopyAdoption(OutboxTableMigration migration) {
    this.migration = migration;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    String history = context.getConfiguration().getTable();
    try {
      Connection connection = context.getConnection();
      if (!exists(connection, history)) {
        return;
      }
      int adopted = adopt(connection, history);
      if (adopted > 0) {
        log.info(
            "{}: the history row of {} (version {}) now records the outbox library's migration;"
                + " table {} kept as it is",
            history,
            migration.handCopiedScript(),
            migration.getVersion(),
            migration.table().name());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not take over " + migration.handCopiedScript() + " in " + history, e);
    }
  }

  private int adopt(Connection connection, String history) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + quoted(history)
                + " SET type = 'JDBC', script = ?, description = ?, checksum = ?"
                + " WHERE version = ? AND script = ? AND type = 'SQL' AND success = 1")) {
      update.setString(1, migration.script());
      update.setString(2, migration.getDescription());
      update.setInt(3, migration.getChecksum());
      update.setString(4, migration.getVersion().getVersion());
      update.setString(5, migration.handCopiedScript());
      return update.executeUpdate();
    }
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static String quoted(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public String getCallbackName() {
    return "outbox hand-copy adoption";
  }
}
