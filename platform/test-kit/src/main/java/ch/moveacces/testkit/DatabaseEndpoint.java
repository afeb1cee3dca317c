package ch.moveacces.testkit;

import ch.moveacces.legacy.LegacyDatabase;

/** Where the test database listens; the schema is always {@link LegacyDatabase#NAME}. */
public record DatabaseEndpoint(String host, int port, String jdbcParameters) {

  public String jdbcUrl() {
    return "jdbc:mariadb://" + host + ":" + port + "/" + LegacyDatabase.NAME + jdbcParameters;
  }

  public String r2dbcUrl() {
    return "r2dbc:mysql://" + host + ":" + port + "/" + LegacyDatabase.NAME;
  }
}
