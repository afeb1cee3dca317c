package ch.moveacces.legacy;

import java.util.Locale;

/**
 * The database account of each service that has one, granted only that service's slice of the
 * schema. Realtime-service and the gateway have none.
 */
public enum ServiceAccount {
  AUTH("auth-service"),
  PROFILE("profile-service"),
  SUBSCRIPTION("subscription-service"),
  AUDIT("audit-service");

  private final String service;

  ServiceAccount(String service) {
    this.service = service;
  }

  /** The service's name, as in its module and its {@code spring.application.name}. */
  public String service() {
    return service;
  }

  public String username() {
    return "moveacces_" + shortName();
  }

  /** The environment variable that overrides the dev-only default password. */
  public String passwordVariable() {
    return name() + "_DB_PASSWORD";
  }

  /** The password from {@link #passwordVariable()}, or a dev-only default when it is unset. */
  public String password() {
    String fromEnvironment = System.getenv(passwordVariable());
    return fromEnvironment == null || fromEnvironment.isBlank()
        ? devOnlyPassword()
        : fromEnvironment;
  }

  /** The default for development and tests only; production sets {@link #passwordVariable()}. */
  public String devOnlyPassword() {
    return "dev-only-" + shortName() + "-password";
  }

  /** The service's own Flyway history table, so that each service migrates on its own. */
  public String flywayHistoryTable() {
    return "flyway_history_" + shortName();
  }

  private String shortName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
