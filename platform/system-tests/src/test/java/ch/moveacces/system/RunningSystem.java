package ch.moveacces.system;

import static org.awaitility.Awaitility.await;

import ch.moveacces.engines.KafkaBroker;
import ch.moveacces.engines.RedisServer;
import ch.moveacces.legacy.LegacyDatabase;
import ch.moveacces.legacy.ServiceAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as a developer runs it: the packaged devstack started as its own process on free
 * ports and a fresh data directory, every application its own process on real engines. One per test
 * JVM; stopped with SIGTERM when the tests are done.
 *
 * <p>Kafka and Redis run in the test JVM (the devstack's {@code --kafka} and {@code --redis}), so
 * that a test can stop and restart them under the running applications; their spans come to a
 * {@link TraceReceiver} here (the devstack's {@code --otlp-endpoint}) and to the devstack's Zipkin
 * ({@code --zipkin}). Caddy is put in front of the gateway ({@code --caddy}) when it is installed.
 */
final class RunningSystem implements AutoCloseable {

  private static final Path DEVSTACK_JAR = Path.of("../devstack/target/devstack.jar");
  private static final Path DATA_DIR = Path.of("target/system-devstack");
  private static final Path STATUS_FILE = DATA_DIR.resolve("devstack.json");

  /** The devstack's output: every application's log lines, prefixed with its name. */
  static final Path OUTPUT = Path.of("target/system-devstack.log");

  private static final Path KAFKA_DIR = Path.of("target/system-kafka");
  private static final Path REDIS_DIR = Path.of("target/system-redis");

  /**
   * Settings the applications inherit from the devstack's environment: a short refresh-token grace
   * window, so that tests see reuse detection without waiting 20 s; the outbox relay retrying at
   * least every 2 s while Kafka is down (not up to 5 min); abonnements expired within a second;
   * spans exported every half second instead of every 5 s. Redis calls may take a second (the
   * gateway's production budget is 100 ms): six applications, the engines and a build share two
   * cores here, and a rate-limit check that times out refuses a login with 503.
   */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "MOVEACCES_AUTH_REFRESH_GRACE", "2s",
          "TRUSTED_PROXIES", "127.0.0.1/32",
          "MOVEACCES_OUTBOX_MAX_BACKOFF", "2s",
          "MOVEACCES_SUBSCRIPTIONS_EXPIRY_INTERVAL", "1s",
          // realtime tickets live 5 s, not 30 s, so that a test can wait one out
          "MOVEACCES_REALTIME_TICKETTTL", "5s",
          "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms",
          "REDIS_TIMEOUT", "1s");

  private final Process devstack;
  private final JsonNode status;
  private final KafkaBroker kafka;
  private final TraceReceiver traces;
  private final RedisServer redis;
  private final Map<String, ApplicationProcess> applications = new ConcurrentHashMap<>();

  private RunningSystem(
      Process devstack,
      JsonNode status,
      KafkaBroker kafka,
      TraceReceiver traces,
      RedisServer redis) {
    this.devstack = devstack;
    this.status = status;
    this.kafka = kafka;
    this.traces = traces;
    this.redis = redis;
  }

  static RunningSystem start() throws IOException {
    if (!Files.exists(DEVSTACK_JAR)) {
      throw new IllegalStateException(
          DEVSTACK_JAR.toAbsolutePath() + " is missing: run the tests through ./mvnw verify");
    }
    Files.deleteIfExists(STATUS_FILE);
    deleteRecursively(KAFKA_DIR);
    deleteRecursively(REDIS_DIR);
    KafkaBroker kafka = KafkaBroker.start(0, KAFKA_DIR);
    TraceReceiver traces = null;
    RedisServer redis = null;
    Process devstack = null;
    try {
      redis = RedisServer.startPersistent(0, REDIS_DIR);
      traces = TraceReceiver.start();
      List<String> command =
          new ArrayList<>(
              List.of(
                  ProcessHandle.current().info().command().orElseThrow(),
                  "-jar",
                  DEVSTACK_JAR.toString(),
                  "--random-ports",
                  "--fresh",
                  "--data-dir=" + DATA_DIR,
                  // the checkout's modules may be rebuilt while the tests run
                  "--copy-jars",
                  "--kafka=" + kafka.bootstrapServers(),
                  "--redis=127.0.0.1:" + redis.port(),
                  "--otlp-endpoint=" + traces.endpoint(),
                  "--zipkin"));
      if (Tools.caddyInstalled()) {
        command.add("--caddy");
      }
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(OUTPUT.toFile());
      builder.environment().putAll(ENVIRONMENT);
      Process started = builder.start();
      devstack = started;
      JsonMapper json = JsonMapper.builder().build();
      JsonNode status =
          await("the devstack to report every application ready")
              .atMost(Duration.ofSeconds(240))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> readyStatus(started, json), Optional::isPresent)
              .orElseThrow();
      return new RunningSystem(started, status, kafka, traces, redis);
    } catch (IOException | RuntimeException e) {
      if (devstack != null) {
        stop(devstack);
      }
      if (traces != null) {
        traces.close();
      }
      if (redis != null) {
        redis.close();
      }
      kafka.close();
      throw e;
    }
  }

  /**
   * The Kafka every application uses, running in this JVM: {@link KafkaBroker#stop()} and {@link
   * KafkaBroker#restart()} make an outage (same port, same log, topics and offsets kept).
   */
  KafkaBroker kafka() {
    return kafka;
  }

  /**
   * The Redis every application uses, running in this JVM with its data on disk: {@link
   * RedisServer#stop()} and {@link RedisServer#restart()} make an outage (same port, sessions and
   * rate-limit windows kept).
   */
  RedisServer redis() {
    return redis;
  }

  /** One application's process, to stop it and start it again as the devstack did. */
  ApplicationProcess application(String name) {
    return applications.computeIfAbsent(
        name,
        key -> {
          JsonNode service = status.get("services").get(key);
          return new ApplicationProcess(
              key,
              service.get("pid").asLong(),
              URI.create(service.get("managementUrl").asString()));
        });
  }

  /** The spans every application has exported so far. */
  TraceReceiver traces() {
    return traces;
  }

  /** A connection to the devstack's database as one service's account, with its grants. */
  Connection openDatabase(ServiceAccount account) throws SQLException {
    JsonNode mariadb = status.get("engines").get("mariadb");
    return DriverManager.getConnection(
        "jdbc:mariadb://%s:%d/%s"
            .formatted(
                mariadb.get("host").asString(), mariadb.get("port").asInt(), LegacyDatabase.NAME),
        account.username(),
        account.password());
  }

  /**
   * auth-service's private signing key (a JWK set), which the devstack keeps in its data directory.
   */
  Path signingKeyFile() {
    return Path.of(status.get("dataDir").asString()).resolve("auth-signing-keys.json");
  }

  /** The public entry point: the gateway. */
  URI gateway() {
    return URI.create(status.get("entryPoint").asString());
  }

  /** Caddy in front of the gateway, when the devstack runs it (caddy is installed). */
  Optional<Https> https() {
    JsonNode https = status.path("https");
    return https.isObject()
        ? Optional.of(
            new Https(
                URI.create(https.get("url").asString()),
                URI.create(https.get("redirectFrom").asString()),
                Path.of(https.get("rootCertificate").asString())))
        : Optional.empty();
  }

  /** Caddy's HTTPS entry point, its HTTP port (which redirects) and the root of its own CA. */
  record Https(URI url, URI redirectFrom, Path rootCertificate) {}

  /** The devstack's Zipkin: its API and UI. */
  URI zipkin() {
    return URI.create(status.get("zipkin").get("url").asString());
  }

  /** An application's own address, bypassing the gateway (as only operators can). */
  URI direct(String application) {
    return URI.create(status.get("services").get(application).get("url").asString());
  }

  /** An application's management address (its actuator), where Prometheus scrapes it. */
  URI management(String application) {
    return URI.create(status.get("services").get(application).get("managementUrl").asString());
  }

  @Override
  public void close() {
    try {
      applications.values().forEach(ApplicationProcess::close);
      stop(devstack);
    } finally {
      traces.close();
      kafka.close();
      redis.close();
    }
  }

  private static void stop(Process devstack) {
    List<ProcessHandle> descendants = devstack.descendants().toList();
    devstack.destroy();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> !devstack.isAlive());
    } finally {
      descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static Optional<JsonNode> readyStatus(Process devstack, JsonMapper json) {
    if (!devstack.isAlive()) {
      throw new IllegalStateException(
          "the devstack ended with code " + devstack.exitValue() + ":\n" + lastLines());
    }
    if (!Files.exists(STATUS_FILE)) {
      return Optional.empty();
    }
    JsonNode status = json.readTree(STATUS_FILE.toFile());
    return "ready".equals(status.path("state").asString()) ? Optional.of(status) : Optional.empty();
  }

  private static String lastLines() {
    try {
      List<String> lines = Files.readAllLines(OUTPUT);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
