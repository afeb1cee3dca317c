package ch.moveacces.testkit;

import ch.moveacces.engines.KafkaBroker;
import ch.moveacces.engines.MariaDbServer;
import ch.moveacces.engines.RedisServer;
import ch.moveacces.engines.TemporaryDirectory;
import ch.moveacces.legacy.DatabaseAccount;
import ch.moveacces.legacy.LegacyDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The engines as real servers on this machine, in a temporary directory of this JVM's own (so that
 * parallel test JVMs never share MariaDB's files), removed when the JVM ends.
 */
final class EmbeddedBackend implements EngineBackend {

  private final TemporaryDirectory workDir = TemporaryDirectory.create("moveacces-test-engines-");
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private MariaDbServer mariaDb;
  private RedisServer redis;
  private KafkaBroker kafka;

  EmbeddedBackend() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "test-engines-stop"));
  }

  @Override
  public synchronized DatabaseEndpoint database() {
    if (mariaDb == null) {
      MariaDbServer server = MariaDbServer.start(0, workDir.path().resolve("mariadb"));
      started.push(server);
      try (Connection admin = server.openAdminConnection()) {
        LegacyDatabase.install(admin, DatabaseAccount::devOnlyPassword, true);
      } catch (SQLException e) {
        throw new IllegalStateException("could not install the legacy database", e);
      }
      mariaDb = server;
    }
    return new DatabaseEndpoint("127.0.0.1", mariaDb.port(), "");
  }

  @Override
  public Connection adminConnection() throws SQLException {
    database();
    Connection admin = mariaDb.openAdminConnection();
    admin.setCatalog(LegacyDatabase.NAME);
    return admin;
  }

  @Override
  public synchronized RedisEndpoint redis() {
    if (redis == null) {
      redis = RedisServer.startInMemory(0);
      started.push(redis);
    }
    return new RedisEndpoint("127.0.0.1", redis.port());
  }

  @Override
  public synchronized KafkaEndpoint kafka() {
    if (kafka == null) {
      kafka = KafkaBroker.start(0, workDir.path().resolve("kafka"));
      started.push(kafka);
    }
    return new KafkaEndpoint(kafka.bootstrapServers());
  }

  private synchronized void stopAll() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // The JVM is ending: what matters is that the next engine still gets stopped.
      }
    }
    workDir.close();
  }
}
