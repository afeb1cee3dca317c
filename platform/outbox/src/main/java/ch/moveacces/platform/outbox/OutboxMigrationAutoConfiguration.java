package ch.moveacces.platform.outbox;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The outbox table's migration, handed to the service's own Flyway (Spring Boot's Flyway takes
 * every {@link JavaMigration} and {@link Callback} bean) once {@code moveacces.outbox.table} names
 * the table. It does not depend on {@code moveacces.outbox.enabled}: the table exists either way,
 * as the service's other tables do.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass(JavaMigration.class)
@ConditionalOnProperty("moveacces.outbox.table")
@EnableConfigurationProperties({OutboxProperties.class, OutboxMigrationProperties.class})
public class OutboxMigrationAutoConfiguration {

  @Bean
  OutboxTableMigration outboxTableMigration(
      OutboxProperties outbox, OutboxMigrationProperties migration) {
    String version = migration.version();
    if (version == null || version.isBlank()) {
      throw new IllegalStateException(
          "moveacces.outbox.migration.version is required with moveacces.outbox.table: the"
              + " version at which the outbox table is created among this service's migrations");
    }
    return new OutboxTableMigration(new OutboxTable(outbox.table()), version.strip());
  }

  @Bean
  OutboxHandCopyAdoption outboxHandCopyAdoption(OutboxTableMigration migration) {
    return new OutboxHandCopyAdoption(migration);
  }
}
