package ch.moveacces.legacy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The database account of each service that has one, granted only that service's slice of the
 * schema. Realtime-service and the gateway have none.
 *
 * <p>A service migrates with its own account, except where that account must not change what the
 * migrations created: audit-service's account may only append to and read the trail, so its
 * migrations run under a {@link #migrator() migration account} of their own, which grants it that.
 */
public enum ServiceAccount {
  AUTH("auth-service"),
  PROFILE("profile-service"),
  SUBSCRIPTION("subscription-service"),
  AUDIT("audit-service", "audit_migrator");

  private final String service;
  private final DatabaseAccount runtime;
  private final DatabaseAccount migrator;

  ServiceAccount(String service) {
    this.service = service;
    this.runtime = new DatabaseAccount(name().toLowerCase(Locale.ROOT));
    this.migrator = runtime;
  }

  ServiceAccount(String service, String migrator) {
    this.service = service;
    this.runtime = new DatabaseAccount(name().toLowerCase(Locale.ROOT));
    this.migrator = new DatabaseAccount(migrator);
  }

  /** The service's name, as in its module and its {@code spring.application.name}. */
  public String service() {
    return service;
  }

  /** The account the running service connects with ({@code spring.r2dbc.*}). */
  public DatabaseAccount runtime() {
    return runtime;
  }

  /**
   * The account its Flyway migrations run under ({@code spring.flyway.*}): {@link #runtime()}
   * unless the service has a migration account of its own.
   */
  public DatabaseAccount migrator() {
    return migrator;
  }

  /** Whether its migrations run under another account than the service. */
  public boolean hasOwnMigrator() {
    return !migrator.equals(runtime);
  }

  /** Every account {@code service-accounts.sql} creates: each service's, and each migrator. */
  public static Set<DatabaseAccount> databaseAccounts() {
    Set<DatabaseAccount> accounts = new LinkedHashSet<>();
    for (ServiceAccount account : values()) {
      accounts.add(account.runtime());
      accounts.add(account.migrator());
    }
    return accounts;
  }

  public String username() {
    return runtime.username();
  }

  /** The environment variable that overrides the dev-only default password. */
  public String passwordVariable() {
    return runtime.passwordVariable();
  }

  /** The password from {@link #passwordVariable()}, or a dev-only default when it is unset. */
  public String password() {
    return runtime.password();
  }

  /** The default for development and tests only; production sets {@link #passwordVariable()}. */
  public String devOnlyPassword() {
    return runtime.devOnlyPassword();
  }

  /** The service's own Flyway history table, so that each service migrates on its own. */
  public String flywayHistoryTable() {
    return "flyway_history_" + runtime.shortName();
  }
}
