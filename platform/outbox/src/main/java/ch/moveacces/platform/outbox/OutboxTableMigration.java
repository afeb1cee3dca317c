package ch.moveacces.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Creates a service's outbox table as one of that service's own Flyway migrations: recorded in its
 * history table, run with its migration account, at the version the service gives ({@code
 * moveacces.outbox.migration.version}) so that it keeps its place among the service's other
 * migrations. The table is the one the relay reads ({@code moveacces.outbox.table}).
 */
final class OutboxTableMigration implements JavaMigration {

  static final String DESCRIPTION = "outbox table";

  private final OutboxTable table;
  private final MigrationVersion version;

  OutboxTableMigration(OutboxTable table, String version) {
    this.table = table;
    this.version = MigrationVersion.fromVersion(version);
  }

  OutboxTable table() {
    return table;
  }

  /**
   * The name the service's own copy of this migration had before the library shipped it ({@code
   * V1__outbox_profile.sql}, {@code V2__outbox_auth.sql}): see {@link OutboxHandCopyAdoption}.
   */
  String handCopiedScript() {
    return "V" + version.getVersion().replace('.', '_') + "__" + table.name() + ".sql";
  }

  /** The class name, as Flyway records a Java migration in the {@code script} column. */
  String script() {
    return getClass().getName();
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return DESCRIPTION;
  }

  /**
   * Of the DDL run, so that a changed table definition fails validation as a changed script does.
   */
  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(table.create().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(table.create());
    }
  }
}
