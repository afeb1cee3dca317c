package ch.moveacces.benchmarks;

/** The addresses of a running devstack, given as system properties ({@code -Dgateway=…}). */
final class Targets {

  private Targets() {}

  static String gateway() {
    return required("gateway");
  }

  static String profile() {
    return required("profile");
  }

  static String auth() {
    return required("auth");
  }

  /** A JDBC URL of the devstack's database with an account that may read audit_logs. */
  static String database() {
    String value = System.getProperty("database");
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "-Ddatabase=jdbc:mariadb://127.0.0.1:PORT/moveacces?user=moveacces_audit&password=..."
              + " is missing (the port is engines.mariadb.port in devstack.json)");
    }
    return value;
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "-D"
              + name
              + "=http://127.0.0.1:PORT is missing: take the port from the devstack's"
              + " devstack.json (see platform/benchmarks/README.md)");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
