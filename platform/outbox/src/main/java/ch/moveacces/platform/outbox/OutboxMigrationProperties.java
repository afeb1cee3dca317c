package ch.moveacces.platform.outbox;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code moveacces.outbox.migration.*}.
 *
 * @param version the version, in the service's own Flyway history, of the migration that creates
 *     its outbox table; a service that had its own copy keeps that copy's version
 */
@ConfigurationProperties("moveacces.outbox.migration")
public record OutboxMigrationProperties(@Nullable String version) {}
