package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OutboxMigrationAutoConfigurationTest {

  private final ApplicationContextRunner application =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(OutboxMigrationAutoConfiguration.class));

  @Test
  void handsFlywayTheTableMigrationAndTheTakeOverOfTheServicesCopy() {
    application
        .withPropertyValues(
            "moveacces.outbox.table=outbox_auth", "moveacces.outbox.migration.version=2")
        .run(
            context -> {
              assertThat(context.getBean(JavaMigration.class))
                  .isInstanceOfSatisfying(
                      OutboxTableMigration.class,
                      migration -> {
                        assertThat(migration.table().name()).isEqualTo("outbox_auth");
                        assertThat(migration.getVersion().getVersion()).isEqualTo("2");
                      });
              assertThat(context).hasSingleBean(Callback.class);
            });
  }

  @Test
  void needsTheVersionOfTheMigrationWithATable() {
    application
        .withPropertyValues("moveacces.outbox.table=outbox_auth")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("moveacces.outbox.migration.version is required"));
  }

  @Test
  void migratesNothingWithoutATable() {
    application.run(
        context -> {
          assertThat(context).doesNotHaveBean(JavaMigration.class);
          assertThat(context).doesNotHaveBean(Callback.class);
        });
  }
}
