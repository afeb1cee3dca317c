package ch.moveacces.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line. A port of 0 means "any free port"; {@code dataDir} is null for the default,
 * {@code <repository>/.devstack}.
 */
record DevstackOptions(
    int mariadbPort,
    int redisPort,
    int kafkaPort,
    int gatewayPort,
    Path dataDir,
    boolean fresh,
    boolean jsonLogs,
    Duration timeout,
    boolean help) {

  static final int MARIADB_PORT = 3306;
  static final int REDIS_PORT = 6379;
  static final int KAFKA_PORT = 9092;
  static final int GATEWAY_PORT = 8080;
  static final Duration TIMEOUT = Duration.ofSeconds(180);

  static DevstackOptions defaults() {
    return new DevstackOptions(
        MARIADB_PORT, REDIS_PORT, KAFKA_PORT, GATEWAY_PORT, null, false, false, TIMEOUT, false);
  }

  /** Parses {@code args}; throws IllegalArgumentException with a message fit for the user. */
  static DevstackOptions parse(String... args) {
    Integer mariadb = null;
    Integer redis = null;
    Integer kafka = null;
    Integer gateway = null;
    boolean randomPorts = false;
    DevstackOptions defaults = defaults();
    Path dataDir = defaults.dataDir();
    boolean fresh = false;
    boolean jsonLogs = false;
    Duration timeout = defaults.timeout();
    boolean help = false;
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      switch (name) {
        case "--mariadb-port" -> mariadb = port(name, value);
        case "--redis-port" -> redis = port(name, value);
        case "--kafka-port" -> kafka = port(name, value);
        case "--gateway-port" -> gateway = port(name, value);
        case "--random-ports" -> randomPorts = flag(name, value);
        case "--data-dir" -> dataDir = Path.of(required(name, value));
        case "--fresh" -> fresh = flag(name, value);
        case "--json-logs" -> jsonLogs = flag(name, value);
        case "--timeout" -> timeout = Duration.ofSeconds(positive(name, value));
        case "--help", "-h" -> help = flag(name, value);
        default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
      }
    }
    if (gateway != null
        && gateway + Math.max(Application.values().length - 1, Layout.MANAGEMENT_OFFSET) > 65535) {
      throw new IllegalArgumentException(
          "--gateway-port leaves no room for the five services and the management port after it: "
              + gateway);
    }
    return new DevstackOptions(
        portOrDefault(mariadb, randomPorts, MARIADB_PORT),
        portOrDefault(redis, randomPorts, REDIS_PORT),
        portOrDefault(kafka, randomPorts, KAFKA_PORT),
        portOrDefault(gateway, randomPorts, GATEWAY_PORT),
        dataDir,
        fresh,
        jsonLogs,
        timeout,
        help);
  }

  /** The ports given or defaulted, with what listens on each; "any free port" is left out. */
  Map<Integer, String> fixedPorts() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(mariadbPort, "MariaDB");
    ports.put(redisPort, "Redis");
    ports.put(kafkaPort, "Kafka");
    if (gatewayPort != 0) {
      Layout.appPorts(gatewayPort).forEach((app, port) -> ports.put(port, app.module()));
      ports.put(gatewayPort + Layout.MANAGEMENT_OFFSET, "gateway management");
    }
    ports.remove(0);
    return ports;
  }

  static String usage() {
    return """
        Starts the whole Move Acces system on this machine: MariaDB, Redis and Kafka embedded,
        the legacy schema with its seed user, and every application as its own process.

        Usage: java -jar platform/devstack/target/devstack.jar [options]

          --mariadb-port=PORT   MariaDB's port (default %d)
          --redis-port=PORT     Redis's port (default %d)
          --kafka-port=PORT     Kafka's port (default %d)
          --gateway-port=PORT   the gateway's port; auth, profile, subscription, audit and
                                realtime take the five ports after it (default %d-%d), the
                                gateway's actuator the port 10 above it (default 8090)
          --random-ports        a free port for every engine and application whose port is
                                not given explicitly
          --data-dir=DIR        where MariaDB, Redis and Kafka keep their data between runs
                                (default <repository>/.devstack)
          --fresh               wipe the data first: empty engines, seed data loaded again
          --json-logs           print the applications' JSON log lines as they are
          --timeout=SECONDS     how long the applications may take to become ready (default %d)
          -h, --help            this text

        Ctrl-C stops the applications, then Kafka, Redis and MariaDB.
        """
        .formatted(
            MARIADB_PORT,
            REDIS_PORT,
            KAFKA_PORT,
            GATEWAY_PORT,
            GATEWAY_PORT + Application.values().length - 1,
            TIMEOUT.toSeconds());
  }

  private static int portOrDefault(Integer given, boolean randomPorts, int defaultPort) {
    if (given != null) {
      return given;
    }
    return randomPorts ? 0 : defaultPort;
  }

  private static int port(String name, String value) {
    int port = positive(name, value);
    if (port > 65535) {
      throw new IllegalArgumentException(name + " must be a port between 1 and 65535: " + value);
    }
    return port;
  }

  private static int positive(String name, String value) {
    try {
      int number = Integer.parseInt(required(name, value));
      if (number <= 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a positive whole number: " + value, e);
    }
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
    }
    return value;
  }

  private static boolean flag(String name, String value) {
    if (value != null) {
      throw new IllegalArgumentException(name + " takes no value");
    }
    return true;
  }
}
