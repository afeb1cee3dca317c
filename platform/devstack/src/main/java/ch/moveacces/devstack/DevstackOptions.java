package ch.moveacces.devstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line. A port of 0 means "any free port"; {@code dataDir} is null for the default,
 * {@code <repository>/.devstack}; {@code externalKafka} is null for the embedded broker and {@code
 * otlpEndpoint} null for no trace export; {@code externalRedis} (HOST:PORT) is null for the
 * embedded Redis. {@code appPort} is where the devstack serves the app's build. {@code tools} are
 * what runs beside the applications: Caddy and Zipkin.
 */
record DevstackOptions(
    int mariadbPort,
    int redisPort,
    int kafkaPort,
    int gatewayPort,
    int appPort,
    Path dataDir,
    boolean fresh,
    boolean jsonLogs,
    Duration timeout,
    boolean help,
    String externalKafka,
    URI otlpEndpoint,
    boolean copyJars,
    String externalRedis,
    Tools tools) {

  /**
   * Caddy in front of the gateway ({@code --caddy}) and Zipkin for traces ({@code --zipkin}), each
   * on its ports (0: any free one).
   */
  record Tools(boolean caddy, int httpsPort, int httpPort, boolean zipkin, int zipkinPort) {

    static final Tools NONE =
        new Tools(false, Caddy.HTTPS_PORT, Caddy.HTTP_PORT, false, Zipkin.PORT);
  }

  /** The environment variable OpenTelemetry's own tools read: the OTLP/HTTP base URL. */
  static final String OTLP_ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

  private static final Set<String> TAKING_VALUES =
      Set.of(
          "--mariadb-port",
          "--redis-port",
          "--kafka-port",
          "--gateway-port",
          "--app-port",
          "--data-dir",
          "--timeout",
          "--kafka",
          "--otlp-endpoint",
          "--redis",
          "--https-port",
          "--http-port",
          "--zipkin-port");

  static final int MARIADB_PORT = 3306;
  static final int REDIS_PORT = 6379;
  static final int KAFKA_PORT = 9092;
  static final int GATEWAY_PORT = 8080;

  /** The app's port is this far above the gateway's: 8086, after the five services' ports. */
  static final int APP_OFFSET = 6;

  /** What listens on {@link #appPort} in {@link #fixedPorts()}. */
  static final String APP = "app";

  static final Duration TIMEOUT = Duration.ofSeconds(180);

  static DevstackOptions defaults() {
    return new DevstackOptions(
        MARIADB_PORT,
        REDIS_PORT,
        KAFKA_PORT,
        GATEWAY_PORT,
        GATEWAY_PORT + APP_OFFSET,
        null,
        false,
        false,
        TIMEOUT,
        false,
        null,
        null,
        false,
        null,
        Tools.NONE);
  }

  /** Parses {@code args} alone, as if the environment set nothing. */
  static DevstackOptions parse(String... args) {
    return parse(Map.of(), args);
  }

  /**
   * Parses {@code args}, with {@link #OTLP_ENDPOINT_VARIABLE} from {@code environment} when no
   * {@code --otlp-endpoint} is given. Options with a value take it after {@code =} or as the next
   * argument. Throws IllegalArgumentException with a message fit for the user.
   */
  static DevstackOptions parse(Map<String, String> environment, String... args) {
    Integer mariadb = null;
    Integer redis = null;
    Integer kafka = null;
    Integer gateway = null;
    Integer app = null;
    boolean randomPorts = false;
    DevstackOptions defaults = defaults();
    Path dataDir = defaults.dataDir();
    boolean fresh = false;
    boolean jsonLogs = false;
    Duration timeout = defaults.timeout();
    boolean help = false;
    String externalKafka = null;
    URI otlpEndpoint = null;
    boolean copyJars = false;
    String externalRedis = null;
    boolean caddy = false;
    Integer httpsPort = null;
    Integer httpPort = null;
    boolean zipkin = false;
    Integer zipkinPort = null;
    String otlpFromEnvironment = environment.get(OTLP_ENDPOINT_VARIABLE);
    if (otlpFromEnvironment != null && !otlpFromEnvironment.isBlank()) {
      otlpEndpoint = otlpEndpoint(OTLP_ENDPOINT_VARIABLE, otlpFromEnvironment);
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      if (value == null
          && TAKING_VALUES.contains(name)
          && i + 1 < args.length
          && !args[i + 1].startsWith("-")) {
        value = args[++i];
      }
      switch (name) {
        case "--mariadb-port" -> mariadb = port(name, value);
        case "--redis-port" -> redis = port(name, value);
        case "--kafka-port" -> kafka = port(name, value);
        case "--gateway-port" -> gateway = port(name, value);
        case "--app-port" -> app = port(name, value);
        case "--random-ports" -> randomPorts = flag(name, value);
        case "--data-dir" -> dataDir = Path.of(required(name, value));
        case "--fresh" -> fresh = flag(name, value);
        case "--json-logs" -> jsonLogs = flag(name, value);
        case "--timeout" -> timeout = Duration.ofSeconds(positive(name, value));
        case "--help", "-h" -> help = flag(name, value);
        case "--kafka" -> externalKafka = bootstrapServers(name, value);
        case "--otlp-endpoint" -> otlpEndpoint = otlpEndpoint(name, value);
        case "--copy-jars" -> copyJars = flag(name, value);
        case "--redis" -> externalRedis = hostAndPort(name, value);
        case "--caddy" -> caddy = flag(name, value);
        case "--https-port" -> httpsPort = port(name, value);
        case "--http-port" -> httpPort = port(name, value);
        case "--zipkin" -> zipkin = flag(name, value);
        case "--zipkin-port" -> zipkinPort = port(name, value);
        default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
      }
    }
    if (gateway != null
        && gateway + Math.max(Application.values().length - 1, Layout.MANAGEMENT_OFFSET) > 65535) {
      throw new IllegalArgumentException(
          "--gateway-port leaves no room for the five services and the management port after it: "
              + gateway);
    }
    int gatewayPort = portOrDefault(gateway, randomPorts, GATEWAY_PORT);
    return new DevstackOptions(
        portOrDefault(mariadb, randomPorts, MARIADB_PORT),
        portOrDefault(redis, randomPorts, REDIS_PORT),
        portOrDefault(kafka, randomPorts, KAFKA_PORT),
        gatewayPort,
        portOrDefault(app, randomPorts, gatewayPort + APP_OFFSET),
        dataDir,
        fresh,
        jsonLogs,
        timeout,
        help,
        externalKafka,
        otlpEndpoint,
        copyJars,
        externalRedis,
        new Tools(
            caddy,
            portOrDefault(httpsPort, randomPorts, Caddy.HTTPS_PORT),
            portOrDefault(httpPort, randomPorts, Caddy.HTTP_PORT),
            zipkin,
            portOrDefault(zipkinPort, randomPorts, Zipkin.PORT)));
  }

  /**
   * Where the applications send their spans: OTLP/HTTP's traces path under the endpoint, as
   * OpenTelemetry's own exporters do with {@value #OTLP_ENDPOINT_VARIABLE}. Null when not exported.
   */
  URI tracesEndpoint() {
    if (otlpEndpoint == null) {
      return null;
    }
    String base = otlpEndpoint.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "v1/traces");
  }

  /** The ports given or defaulted, with what listens on each; "any free port" is left out. */
  Map<Integer, String> fixedPorts() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(mariadbPort, "MariaDB");
    if (externalRedis == null) {
      ports.put(redisPort, "Redis");
    }
    if (externalKafka == null) {
      ports.put(kafkaPort, "Kafka");
    }
    if (gatewayPort != 0) {
      Layout.appPorts(gatewayPort).forEach((app, port) -> ports.put(port, app.module()));
      ports.put(gatewayPort + Layout.MANAGEMENT_OFFSET, "gateway management");
    }
    if (appPort != 0) {
      ports.put(appPort, APP);
    }
    if (tools.caddy()) {
      ports.put(tools.httpsPort(), "Caddy HTTPS");
      ports.put(tools.httpPort(), "Caddy HTTP");
    }
    if (tools.zipkin()) {
      ports.put(tools.zipkinPort(), "Zipkin");
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
          --app-port=PORT       where the app (mobile/dist) is served (default the gateway's
                                port + 6, %d)
          --random-ports        a free port for every engine and application whose port is
                                not given explicitly
          --data-dir=DIR        where MariaDB, Redis and Kafka keep their data between runs
                                (default <repository>/.devstack)
          --fresh               wipe the data first: empty engines, seed data loaded again
          --json-logs           print the applications' JSON log lines as they are
          --timeout=SECONDS     how long the applications may take to become ready (default %d)
          --kafka=HOST:PORT     use this Kafka (bootstrap servers, comma-separated) instead of
                                starting one; --kafka-port is then ignored
          --redis=HOST:PORT     use this Redis instead of starting one; --redis-port is then
                                ignored
          --otlp-endpoint=URL   export every application's traces over OTLP/HTTP to URL/v1/traces,
                                e.g. http://localhost:4318 for Jaeger (default: the environment
                                variable %s, else no export)
          --copy-jars           run the applications from copies of their jars in the data
                                directory, so that rebuilding them meanwhile breaks nothing
          --caddy               HTTPS in front of the gateway: starts the caddy on the PATH with
                                deploy/Caddyfile's TLS, headers, limits and access log
          --https-port=PORT     Caddy's HTTPS port (default %d)
          --http-port=PORT      Caddy's HTTP port, which redirects to HTTPS (default %d)
          --zipkin              starts Zipkin (UI at http://127.0.0.1:%d/zipkin/) and every
                                application also sends it its spans
          --zipkin-port=PORT    Zipkin's port (default %d)
          -h, --help            this text

        Options with a value also take it as the next argument: --kafka 127.0.0.1:9092.
        Ctrl-C stops the applications, then Kafka, Redis and MariaDB.
        """
        .formatted(
            MARIADB_PORT,
            REDIS_PORT,
            KAFKA_PORT,
            GATEWAY_PORT,
            GATEWAY_PORT + Application.values().length - 1,
            GATEWAY_PORT + APP_OFFSET,
            TIMEOUT.toSeconds(),
            OTLP_ENDPOINT_VARIABLE,
            Caddy.HTTPS_PORT,
            Caddy.HTTP_PORT,
            Zipkin.PORT,
            Zipkin.PORT);
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

  private static String bootstrapServers(String name, String value) {
    String servers = required(name, value).strip();
    for (String server : servers.split(",")) {
      int colon = server.lastIndexOf(':');
      if (colon <= 0 || colon == server.length() - 1) {
        throw new IllegalArgumentException(name + " needs HOST:PORT[,HOST:PORT...]: " + value);
      }
      port(name, server.substring(colon + 1));
    }
    return servers;
  }

  private static String hostAndPort(String name, String value) {
    String address = required(name, value).strip();
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new IllegalArgumentException(name + " needs HOST:PORT: " + value);
    }
    port(name, address.substring(colon + 1));
    return address;
  }

  private static URI otlpEndpoint(String name, String value) {
    try {
      URI uri = new URI(required(name, value).strip());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          name + " needs an http(s) URL such as http://localhost:4318: " + value, e);
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
