package ch.moveacces.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The engines of this test JVM, each started on first use and shared by every test after it. For
 * Spring tests {@link ServiceIT} (or {@link WithDatabase}, {@link WithRedis} and {@link WithKafka})
 * is simpler; this is for plain tests and for assertions on what an application wrote.
 */
public final class TestEngines {

  private static EngineBackend backend;

  private TestEngines() {}

  public static DatabaseEndpoint database() {
    return backend().database();
  }

  /** A connection with every privilege on the legacy schema, for assertions. Close it after use. */
  public static Connection adminConnection() throws SQLException {
    return backend().adminConnection();
  }

  public static RedisEndpoint redis() {
    return backend().redis();
  }

  public static KafkaEndpoint kafka() {
    return backend().kafka();
  }

  private static synchronized EngineBackend backend() {
    if (backend == null) {
      backend =
          switch (EngineMode.current()) {
            case EMBEDDED -> new EmbeddedBackend();
            case TESTCONTAINERS -> new ContainerBackend();
          };
    }
    return backend;
  }
}
