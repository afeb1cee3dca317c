package ch.moveacces.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as a developer runs it: the packaged devstack started as its own process on free
 * ports and a fresh data directory, every application its own process on real engines. One per test
 * JVM; stopped with SIGTERM when the tests are done.
 */
final class RunningSystem implements AutoCloseable {

  private static final Path DEVSTACK_JAR = Path.of("../devstack/target/devstack.jar");
  private static final Path DATA_DIR = Path.of("target/system-devstack");
  private static final Path STATUS_FILE = DATA_DIR.resolve("devstack.json");
  private static final Path OUTPUT = Path.of("target/system-devstack.log");

  /**
   * Settings the applications inherit from the devstack's environment: a short refresh-token grace
   * window, so that tests see reuse detection without waiting 20 s.
   */
  static final Map<String, String> ENVIRONMENT =
      Map.of("MOVEACCES_AUTH_REFRESH_GRACE", "2s", "TRUSTED_PROXIES", "127.0.0.1/32");

  private final Process devstack;
  private final JsonNode status;

  private RunningSystem(Process devstack, JsonNode status) {
    this.devstack = devstack;
    this.status = status;
  }

  static RunningSystem start() throws IOException {
    if (!Files.exists(DEVSTACK_JAR)) {
      throw new IllegalStateException(
          DEVSTACK_JAR.toAbsolutePath() + " is missing: run the tests through ./mvnw verify");
    }
    Files.deleteIfExists(STATUS_FILE);
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-jar",
                DEVSTACK_JAR.toString(),
                "--random-ports",
                "--fresh",
                "--data-dir=" + DATA_DIR)
            .redirectErrorStream(true)
            .redirectOutput(OUTPUT.toFile());
    builder.environment().putAll(ENVIRONMENT);
    Process devstack = builder.start();
    JsonMapper json = JsonMapper.builder().build();
    JsonNode status =
        await("the devstack to report every application ready")
            .atMost(Duration.ofSeconds(240))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> readyStatus(devstack, json), Optional::isPresent)
            .orElseThrow();
    return new RunningSystem(devstack, status);
  }

  /** The public entry point: the gateway. */
  URI gateway() {
    return URI.create(status.get("entryPoint").asString());
  }

  /** An application's own address, bypassing the gateway (as only operators can). */
  URI direct(String application) {
    return URI.create(status.get("services").get(application).get("url").asString());
  }

  @Override
  public void close() {
    List<ProcessHandle> descendants = devstack.descendants().toList();
    devstack.destroy();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> !devstack.isAlive());
    } finally {
      descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
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
