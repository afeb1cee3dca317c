package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxTableMigrationTest {

  @ParameterizedTest
  @CsvSource({
    "outbox_auth,         2, V2__outbox_auth.sql",
    "outbox_profile,      1, V1__outbox_profile.sql",
    "outbox_subscription, 1, V1__outbox_subscription.sql"
  })
  void namesTheScriptTheServiceKeptAtItsVersion(String table, String version, String script) {
    OutboxTableMigration migration = new OutboxTableMigration(new OutboxTable(table), version);

    assertThat(migration.handCopiedScript()).isEqualTo(script);
    assertThat(migration.getVersion().getVersion()).isEqualTo(version);
  }

  @ParameterizedTest
  @CsvSource({"outbox_auth, outbox_profile"})
  void hasTheChecksumOfTheTableItCreates(String one, String other) {
    OutboxTableMigration migration = new OutboxTableMigration(new OutboxTable(one), "1");

    assertThat(migration.getChecksum())
        .isEqualTo(new OutboxTableMigration(new OutboxTable(one), "2").getChecksum())
        .isNotEqualTo(new OutboxTableMigration(new OutboxTable(other), "1").getChecksum());
    assertThat(new OutboxTable(one).create())
        .startsWith("CREATE TABLE " + one + " (")
        .contains("UNIQUE KEY uk_" + one + "_event_id (event_id)")
        .endsWith("COLLATE=utf8mb4_bin");
  }
}
