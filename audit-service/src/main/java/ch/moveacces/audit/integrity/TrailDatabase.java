package ch.moveacces.audit.integrity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the trail is, over JDBC: the service's own database and account (the URL of {@code
 * spring.r2dbc.url} as {@code jdbc:mariadb:}), or what the command line was given.
 */
record TrailDatabase(String jdbcUrl, String username, String password) {

  static TrailDatabase fromR2dbc(String r2dbcUrl, String username, String password) {
    String jdbcUrl = r2dbcUrl.replaceFirst("^r2dbc:(mysql|mariadb):", "jdbc:mariadb:");
    if (!jdbcUrl.startsWith("jdbc:mariadb:")) {
      throw new IllegalArgumentException("Not a MySQL or MariaDB R2DBC URL: " + r2dbcUrl);
    }
    return new TrailDatabase(jdbcUrl, username, password);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }

  @Override
  public String toString() {
    return "TrailDatabase[" + jdbcUrl + " as " + username + "]";
  }
}
