package ch.moveacces.legacy;

import java.util.Locale;

/**
 * One MySQL account of the schema, named by its short name: {@code audit} is the account {@code
 * moveacces_audit}, whose password {@code service-accounts.sql} takes from {@code
 * AUDIT_DB_PASSWORD}.
 */
public record DatabaseAccount(String shortName) {

  public DatabaseAccount {
    if (!shortName.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not an account's short name: " + shortName);
    }
  }

  public String username() {
    return "moveacces_" + shortName;
  }

  /** The environment variable that overrides the dev-only default password. */
  public String passwordVariable() {
    return shortName.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
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
    return "dev-only-" + shortName.replace('_', '-') + "-password";
  }
}
