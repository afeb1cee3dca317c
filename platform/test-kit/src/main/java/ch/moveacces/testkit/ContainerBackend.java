package ch.moveacces.testkit;

import ch.moveacces.legacy.DatabaseAccount;
import ch.moveacces.legacy.LegacyDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The engines as containers, as in production: MySQL 8.0, Apache Kafka (KRaft) and Redis 7. Used
 * only where Docker exists and the {@code testcontainers} profile asks for it; Testcontainers' Ryuk
 * removes the containers when the JVM ends.
 */
final class ContainerBackend implements EngineBackend {

  static final String MYSQL_IMAGE = "mysql:8.0.44";
  static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
  static final String REDIS_IMAGE = "redis:7.4.7-alpine";

  /** MySQL 8's caching_sha2_password over plain TCP needs the server's key from the server. */
  private static final String MYSQL_JDBC_PARAMETERS = "?allowPublicKeyRetrieval=true";

  private MySQLContainer mysql;
  private GenericContainer<?> redis;
  private KafkaContainer kafka;

  @Override
  public synchronized DatabaseEndpoint database() {
    if (mysql == null) {
      MySQLContainer container =
          new MySQLContainer(DockerImageName.parse(MYSQL_IMAGE))
              .withDatabaseName(LegacyDatabase.NAME)
              .withUsername("root")
              .withPassword("test-only-root-password")
              .withCommand(
                  "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
      container.start();
      mysql = container;
      try (Connection admin = adminConnection()) {
        LegacyDatabase.install(admin, DatabaseAccount::devOnlyPassword, true);
      } catch (SQLException e) {
        throw new IllegalStateException("could not install the legacy database", e);
      }
    }
    return new DatabaseEndpoint(mysql.getHost(), mysql.getMappedPort(3306), MYSQL_JDBC_PARAMETERS);
  }

  @Override
  public Connection adminConnection() throws SQLException {
    if (mysql == null) {
      database();
    }
    String url =
        "jdbc:mariadb://"
            + mysql.getHost()
            + ":"
            + mysql.getMappedPort(3306)
            + "/"
            + MYSQL_JDBC_PARAMETERS;
    Connection admin = DriverManager.getConnection(url, "root", mysql.getPassword());
    admin.setCatalog(LegacyDatabase.NAME);
    return admin;
  }

  @Override
  public synchronized RedisEndpoint redis() {
    if (redis == null) {
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(6379);
      container.start();
      redis = container;
    }
    return new RedisEndpoint(redis.getHost(), redis.getMappedPort(6379));
  }

  @Override
  public synchronized KafkaEndpoint kafka() {
    if (kafka == null) {
      KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
      container.start();
      kafka = container;
    }
    return new KafkaEndpoint(kafka.getBootstrapServers());
  }
}
