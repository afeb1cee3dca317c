package ch.moveacces.audit.recording;

import ch.moveacces.legacy.LegacyDatabase;
import ch.moveacces.legacy.ServiceAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged audit-service jar running as a process of its own, on the same JDK as the tests and
 * configured through its environment as the devstack configures it. Its output goes to a file in
 * {@code target/}, to read in assertions and after a failure.
 */
final class AuditServiceProcess implements AutoCloseable {

  private static final Path TARGET = Path.of("target");

  /** The devstack's: sized for a small machine that runs the tests beside it. */
  private static final List<String> JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmx256m",
          "-Xss512k",
          "-XX:+ExitOnOutOfMemoryError",
          "--enable-native-access=ALL-UNNAMED");

  /**
   * A killed consumer keeps its partitions until its session times out: the broker's minimum (6 s)
   * rather than the default 45 s lets a restarted process take them over within the test's time.
   */
  private static final List<String> ARGUMENTS =
      List.of(
          "--spring.kafka.consumer.properties[session.timeout.ms]=6000",
          "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000");

  private final String name;
  private final Process process;
  private final Path output;

  private AuditServiceProcess(String name, Process process, Path output) {
    this.name = name;
    this.process = process;
    this.output = output;
  }

  /** Starts the service against this database endpoint and Kafka cluster. */
  static AuditServiceProcess start(
      String name, String databaseHost, int databasePort, String kafkaBootstrapServers) {
    Path output = TARGET.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(JVM_FLAGS);
    command.add("-jar");
    command.add(packagedJar().toString());
    command.addAll(ARGUMENTS);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    ServiceAccount account = ServiceAccount.AUDIT;
    builder
        .environment()
        .putAll(
            Map.of(
                "SERVER_PORT",
                "0",
                "DB_HOST",
                databaseHost,
                "DB_PORT",
                String.valueOf(databasePort),
                "DB_NAME",
                LegacyDatabase.NAME,
                "DB_USERNAME",
                account.username(),
                "DB_PASSWORD",
                account.devOnlyPassword(),
                "KAFKA_BOOTSTRAP_SERVERS",
                kafkaBootstrapServers));
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      return new AuditServiceProcess(name, process, output);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no last commit, no goodbye to the consumer group. */
  void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM, as a deployment stops it; killed if it lingers. */
  void stop() {
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(30))) {
      kill();
    }
  }

  /** Everything it printed so far. */
  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", output in " + output.toAbsolutePath() + ")";
  }

  private boolean awaitExit(Duration patience) {
    try {
      return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + name + " to end", e);
    }
  }

  /** The jar that {@code package} built before failsafe runs the integration tests. */
  private static Path packagedJar() {
    try (Stream<Path> files = Files.list(TARGET)) {
      return files
          .filter(file -> file.getFileName().toString().matches("audit-service-.*\\.jar"))
          .filter(file -> !file.getFileName().toString().matches(".*-(sources|javadoc)\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No audit-service jar in "
                          + TARGET.toAbsolutePath()
                          + ": run the integration tests through ./mvnw verify"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
