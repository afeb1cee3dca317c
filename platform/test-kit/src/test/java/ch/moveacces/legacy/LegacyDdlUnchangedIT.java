package ch.moveacces.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WithDatabase;
import org.junit.jupiter.api.Test;

@WithDatabase(ServiceAccount.AUDIT)
class LegacyDdlUnchangedIT {

  @Test
  void everyServiceMigrationLeavesTheLegacyTablesAsTheyWere() throws Exception {
    MigratedDatabase db = MigratedDatabase.get();

    assertThat(db.appliedMigrations.get(ServiceAccount.AUDIT))
        .as("audit-service's migrations ran, so the comparison covers real DDL")
        .isPositive();
    assertThat(db.legacyDdlBeforeMigrations).hasSize(3);
    assertThat(db.legacyDdl()).isEqualTo(db.legacyDdlBeforeMigrations);
  }

  @Test
  void installingTheLegacyDatabaseAgainChangesNothing() throws Exception {
    MigratedDatabase db = MigratedDatabase.get();
    try (var admin = TestEngines.adminConnection()) {
      LegacyDatabase.install(admin, DatabaseAccount::devOnlyPassword, true);
    }

    assertThat(db.legacyDdl()).isEqualTo(db.legacyDdlBeforeMigrations);
  }
}
