package ch.moveacces.platform.outbox;

import ch.moveacces.testkit.DatabaseEndpoint;
import ch.moveacces.testkit.TestEngines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A fresh outbox table per test, reachable by a service-like account that has only the grants the
 * README lists, and relays built the way the auto-configuration builds them.
 */
final class OutboxFixture implements AutoCloseable {

  static final String USER = "outbox_it";
  static final String PASSWORD = "outbox-it-password";
  private static final AtomicInteger TABLES = new AtomicInteger();

  final OutboxTable table;
  final String domainTable;
  final ConnectionFactory connectionFactory;
  final DatabaseClient database;
  final Outbox outbox;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  OutboxFixture() throws SQLException {
    int n = TABLES.incrementAndGet();
    table = new OutboxTable("outbox_it_" + n + "_" + ProcessHandle.current().pid());
    domainTable = "outbox_it_domain_" + n + "_" + ProcessHandle.current().pid();
    try (Connection admin = TestEngines.adminConnection();
        Statement sql = admin.createStatement()) {
      sql.execute(table.create());
      sql.execute(
          "CREATE TABLE " + domainTable + " (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
      sql.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
      sql.execute(
          "GRANT SELECT, INSERT, UPDATE, DELETE ON " + table.name() + " TO '" + USER + "'@'%'");
      sql.execute("GRANT SELECT, INSERT ON " + domainTable + " TO '" + USER + "'@'%'");
    }
    connectionFactory = newConnectionFactory();
    database = DatabaseClient.create(connectionFactory);
    outbox = new Outbox(database, table);
  }

  static String ddl(String tableName) {
    try (InputStream in = Outbox.class.getResourceAsStream("outbox-table.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${table}", tableName)
          .replace(";", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Another application instance: its own pool. */
  ConnectionFactory newConnectionFactory() {
    DatabaseEndpoint endpoint = TestEngines.database();
    ConnectionPool pool =
        (ConnectionPool)
            ConnectionFactories.get(
                ConnectionFactoryOptions.parse(
                        "r2dbc:pool:mysql://"
                            + endpoint.host()
                            + ":"
                            + endpoint.port()
                            + "/moveacces")
                    .mutate()
                    .option(ConnectionFactoryOptions.USER, USER)
                    .option(ConnectionFactoryOptions.PASSWORD, PASSWORD)
                    .build());
    closeables.add(pool::dispose);
    return pool;
  }

  TransactionalOperator transaction() {
    return TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
  }

  /** A relay loop as one application instance runs it, not started yet. */
  Relay relay(String bootstrapServers, RelaySettings settings) {
    ConnectionFactory instance = newConnectionFactory();
    DatabaseClient client = DatabaseClient.create(instance);
    KafkaPublisher publisher =
        new KafkaPublisher(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            "outbox-it-" + TABLES.incrementAndGet(),
            settings.sendTimeout());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OutboxMetrics metrics = new OutboxMetrics(client, table, registry);
    OutboxRelay relay =
        new OutboxRelay(
            client,
            TransactionalOperator.create(
                new R2dbcTransactionManager(instance), OutboxRelay.definition()),
            table,
            publisher,
            new Backoff(settings.initialBackoff(), settings.maxBackoff()),
            settings.batchSize(),
            metrics);
    PeriodicTask loop = new PeriodicTask("relay", Duration.ofMillis(100), relay::relayBatch);
    PeriodicTask refresh = new PeriodicTask("metrics", Duration.ofMillis(100), metrics::refresh);
    Relay running = new Relay(relay, loop, refresh, registry, publisher);
    closeables.add(running);
    return running;
  }

  long count(String where) throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        Statement sql = admin.createStatement();
        var rows = sql.executeQuery("SELECT COUNT(*) FROM " + table.name() + " WHERE " + where)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  void execute(String statement) throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        Statement sql = admin.createStatement()) {
      sql.execute(statement);
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : closeables.reversed()) {
      closeable.close();
    }
  }

  record RelaySettings(
      int batchSize, Duration sendTimeout, Duration initialBackoff, Duration maxBackoff) {

    static RelaySettings defaults() {
      return new RelaySettings(
          50, Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(1));
    }
  }

  record Relay(
      OutboxRelay relay,
      PeriodicTask loop,
      PeriodicTask metricsRefresh,
      SimpleMeterRegistry registry,
      KafkaPublisher publisher)
      implements AutoCloseable {

    Relay start() {
      loop.start();
      metricsRefresh.start();
      return this;
    }

    /** Lets the running batch finish, as the application context does at shutdown. */
    void stopGracefully() throws InterruptedException {
      var done = new CountDownLatch(2);
      loop.stop(done::countDown);
      metricsRefresh.stop(done::countDown);
      if (!done.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("relay did not stop");
      }
    }

    double gauge(String name) {
      return registry.get(name).gauge().value();
    }

    double counter(String name) {
      return registry.get(name).counter().count();
    }

    @Override
    public void close() throws Exception {
      if (loop.isRunning() || metricsRefresh.isRunning()) {
        stopGracefully();
      }
      publisher.close();
    }
  }
}
