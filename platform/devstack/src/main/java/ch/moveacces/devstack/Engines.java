package ch.moveacces.devstack;

import ch.moveacces.engines.KafkaBroker;
import ch.moveacces.engines.MariaDbServer;
import ch.moveacces.engines.RedisServer;
import ch.moveacces.legacy.DatabaseAccount;
import ch.moveacces.legacy.LegacyDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * MariaDB, Redis and Kafka, started side by side and stopped in reverse order of need. An external
 * Kafka ({@code --kafka}) or Redis ({@code --redis}) is only checked, not started here.
 */
final class Engines implements AutoCloseable {

  private final MariaDbServer mariadb;
  private final RedisServer redis;
  private final KafkaBroker kafka;
  private final String kafkaBootstrapServers;
  private final String externalRedis;

  private Engines(
      MariaDbServer mariadb,
      RedisServer redis,
      KafkaBroker kafka,
      String kafkaBootstrapServers,
      String externalRedis) {
    this.mariadb = mariadb;
    this.redis = redis;
    this.kafka = kafka;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.externalRedis = externalRedis;
  }

  /** Starts them at once; if one fails, the others are stopped again. */
  static Engines start(DevstackOptions options, DataDirectory data) {
    try (ExecutorService starters = Executors.newFixedThreadPool(3)) {
      var mariadb =
          CompletableFuture.supplyAsync(
              () -> MariaDbServer.start(options.mariadbPort(), data.mariadb()), starters);
      var redis =
          options.externalRedis() != null
              ? CompletableFuture.<RedisServer>supplyAsync(
                  () -> {
                    ExternalRedis.requireAnswer(options.externalRedis());
                    return null;
                  },
                  starters)
              : CompletableFuture.supplyAsync(
                  () -> RedisServer.startPersistent(options.redisPort(), data.redis()), starters);
      var kafka =
          options.externalKafka() != null
              ? CompletableFuture.<KafkaBroker>supplyAsync(
                  () -> {
                    ExternalKafka.requireAnswer(options.externalKafka());
                    return null;
                  },
                  starters)
              : CompletableFuture.supplyAsync(
                  () -> KafkaBroker.start(options.kafkaPort(), data.kafka()), starters);
      try {
        CompletableFuture.allOf(mariadb, redis, kafka).join();
        KafkaBroker broker = kafka.join();
        return new Engines(
            mariadb.join(),
            redis.join(),
            broker,
            broker == null ? options.externalKafka() : broker.bootstrapServers(),
            options.externalRedis());
      } catch (CompletionException e) {
        kafka.thenAccept(broker -> closeIfStarted(broker));
        redis.thenAccept(server -> closeIfStarted(server));
        mariadb.thenAccept(MariaDbServer::close);
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
  }

  /**
   * Creates the schema and the service accounts (again at every start, so that changed grants or
   * passwords apply) and loads the seed data when the schema did not exist yet.
   *
   * @return whether the seed data was loaded
   */
  boolean installLegacyDatabase() throws SQLException {
    try (Connection admin = mariadb.openAdminConnection()) {
      boolean firstRun = !schemaExists(admin);
      LegacyDatabase.install(admin, DatabaseAccount::password, firstRun);
      return firstRun;
    }
  }

  private static boolean schemaExists(Connection admin) throws SQLException {
    try (PreparedStatement query =
        admin.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
      query.setString(1, LegacyDatabase.NAME);
      try (ResultSet schema = query.executeQuery()) {
        return schema.next();
      }
    }
  }

  int mariadbPort() {
    return mariadb.port();
  }

  int redisPort() {
    return redis != null
        ? redis.port()
        : Integer.parseInt(externalRedis.substring(externalRedis.lastIndexOf(':') + 1));
  }

  String redisHost() {
    return redis != null
        ? Application.HOST
        : externalRedis.substring(0, externalRedis.lastIndexOf(':'));
  }

  /** Whether Redis is someone else's ({@code --redis}): not started, nor stopped, here. */
  boolean redisIsExternal() {
    return redis == null;
  }

  String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /** Whether Kafka is someone else's ({@code --kafka}): not started, nor stopped, here. */
  boolean kafkaIsExternal() {
    return kafka == null;
  }

  private static void closeIfStarted(KafkaBroker broker) {
    if (broker != null) {
      broker.close();
    }
  }

  private static void closeIfStarted(RedisServer server) {
    if (server != null) {
      server.close();
    }
  }

  @Override
  public void close() {
    try {
      closeIfStarted(kafka);
    } finally {
      try {
        closeIfStarted(redis);
      } finally {
        mariadb.close();
      }
    }
  }
}
