package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import ch.moveacces.engines.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The devstack as a developer runs it: the packaged jar, started as its own process, on the
 * applications' real jars and real engines, and the app's build when there is one.
 *
 * <p>Run with {@code --random-ports --fresh --data-dir=target/it-devstack --copy-jars} (the gateway
 * must run from its copy), it waits for {@code devstack.json} to say ready, then checks every
 * application's readiness at its {@code managementUrl}, the gateway's {@code /health} and that its
 * actuator is not on its public port, that the gateway got {@code APP_ORIGINS}, and that the app is
 * served with the gateway's origin in {@code /app-config.json} and its CSP (or, not built, {@code
 * app} null and the warning printed). After SIGTERM every process it started is gone and every port
 * free again. It fails, naming the jar, when an application is not built.
 */
class DevstackIT {

  private static final Path DEVSTACK_JAR = Path.of("target/devstack.jar");
  private static final Path DATA_DIR = Path.of("target/it-devstack");
  private static final Path STATUS_FILE = DATA_DIR.resolve(DataDirectory.STATUS_FILE);
  private static final Path OUTPUT = Path.of("target/devstack-it.log");

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process devstack;

  @Test
  void startsTheWholeSystemAndLeavesNothingBehindOnSigterm() throws Exception {
    requireBuiltJars();
    Files.deleteIfExists(STATUS_FILE);
    devstack =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-jar",
                DEVSTACK_JAR.toString(),
                "--random-ports",
                "--fresh",
                "--data-dir=" + DATA_DIR,
                // the modules may be rebuilt while this runs (as in a shared checkout)
                "--copy-jars")
            .redirectErrorStream(true)
            .redirectOutput(OUTPUT.toFile())
            .start();

    JsonNode status =
        await()
            .atMost(Duration.ofSeconds(240))
            .pollInterval(Duration.ofMillis(500))
            .until(this::readyStatus, Optional::isPresent)
            .orElseThrow();

    List<Integer> ports = new ArrayList<>();
    for (JsonNode service : status.get("services")) {
      String url = service.get("managementUrl").asString();
      assertThat(statusOf(url + "/actuator/health/readiness")).as(url).isEqualTo("UP");
      ports.add(service.get("port").asInt());
    }
    assertThat(status.get("services").propertyNames())
        .containsExactly(
            "gateway",
            "auth-service",
            "profile-service",
            "subscription-service",
            "audit-service",
            "realtime-service");
    assertThat(statusOf(status.get("entryPoint").asString() + "/health")).isEqualTo("UP");
    String gatewayActuator = status.get("entryPoint").asString() + "/actuator/health/readiness";
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(gatewayActuator)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .as("the gateway's actuator on its public port")
        .isEqualTo(404);
    ports.add(
        URI.create(status.get("services").get("gateway").get("managementUrl").asString())
            .getPort());
    for (JsonNode engine : status.get("engines")) {
      ports.add(engine.get("port").asInt());
    }
    ports.addAll(checkTheApp(status));

    List<ProcessHandle> descendants = devstack.descendants().toList();
    assertThat(descendants.stream().map(ProcessHandle::pid))
        .containsAll(status.get("services").valueStream().map(s -> s.get("pid").asLong()).toList());
    assertThat(descendants.stream().map(p -> p.info().command().orElse("")))
        .anyMatch(command -> command.endsWith("/mariadbd"))
        .anyMatch(command -> command.contains("/redis-server"));
    long gatewayPid = status.get("services").get("gateway").get("pid").asLong();
    assertThat(ProcessHandle.of(gatewayPid).flatMap(p -> p.info().commandLine()))
        .as("the gateway runs from its copy")
        .hasValueSatisfying(line -> assertThat(line).contains("jars/gateway.jar"));

    devstack.destroy();
    await().atMost(Duration.ofSeconds(60)).until(() -> !devstack.isAlive());

    assertThat(devstack.exitValue()).as("exit code after SIGTERM").isEqualTo(143);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(descendants).noneMatch(ProcessHandle::isAlive);
              assertThat(ports).allMatch(FreePorts::isFree);
            });
    assertThat(STATUS_FILE).doesNotExist();
    assertThat(Files.readString(OUTPUT)).contains("stopped in");
  }

  /**
   * The app served with the gateway's origin in its configuration, or, when it is not built, said
   * so; the gateway accepts the app's and Vite's origins either way. The app's port, if any.
   */
  private List<Integer> checkTheApp(JsonNode status) throws Exception {
    assertThat(status.has("app")).as("devstack.json names the app, or null").isTrue();
    long gatewayPid = status.get("services").get("gateway").get("pid").asLong();
    String gatewayEnvironment = Files.readString(Path.of("/proc/" + gatewayPid + "/environ"));
    assertThat(gatewayEnvironment.split("\0"))
        .anyMatch(variable -> variable.startsWith("APP_ORIGINS=") && variable.contains(":5173"));
    if (status.get("app").isNull()) {
      assertThat(Files.readString(OUTPUT)).contains("the app is not built");
      return List.of();
    }
    URI app = URI.create(status.get("app").get("url").asString());
    HttpResponse<String> config =
        http.send(
            HttpRequest.newBuilder(app.resolve("/app-config.json")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(json.readTree(config.body()).get("apiOrigin").asString())
        .isEqualTo(status.get("entryPoint").asString());
    assertThat(config.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains(status.get("entryPoint").asString()));
    assertThat(gatewayEnvironment).contains(app.toString());
    return List.of(app.getPort());
  }

  private static void requireBuiltJars() {
    assertThat(DEVSTACK_JAR).as("the devstack jar: run through mvn verify").exists();
    Repository repository = Repository.locate();
    for (Application app : Application.values()) {
      assertThat(repository.bootJar(app))
          .as(
              "%s is missing: build the applications first, from %s: %s",
              repository.bootJarPattern(app), repository.root(), Repository.BUILD_COMMAND)
          .isPresent();
    }
  }

  /** devstack.json once it says ready; fails at once if the devstack has ended instead. */
  private Optional<JsonNode> readyStatus() throws IOException {
    if (!devstack.isAlive()) {
      fail("the devstack ended with code %d:%n%s", devstack.exitValue(), lastLines());
    }
    if (!Files.exists(STATUS_FILE)) {
      return Optional.empty();
    }
    JsonNode status = json.readTree(STATUS_FILE.toFile());
    return "ready".equals(status.path("state").asString()) ? Optional.of(status) : Optional.empty();
  }

  private String statusOf(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
    return json.readTree(response.body()).path("status").asString();
  }

  private static String lastLines() throws IOException {
    List<String> lines = Files.readAllLines(OUTPUT);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  @AfterEach
  void leaveNothingRunning() {
    if (devstack != null && devstack.isAlive()) {
      List<ProcessHandle> descendants = devstack.descendants().toList();
      devstack.destroyForcibly();
      descendants.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
