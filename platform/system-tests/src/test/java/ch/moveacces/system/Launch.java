package ch.moveacces.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a running process was started: its command line, working directory and environment, read from
 * {@code /proc} (Linux only, as the devstack's MariaDB is), so that a test can start it again
 * exactly as the devstack did, or a second instance with a few settings changed. The environment
 * holds the service account's password, as the devstack gave it; it is never printed.
 */
record Launch(List<String> command, Path directory, Map<String, String> environment) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Launch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  static Launch of(long pid) {
    Path proc = Path.of("/proc", String.valueOf(pid));
    try {
      List<String> command = nulSeparated(Files.readAllBytes(proc.resolve("cmdline")));
      Map<String, String> environment = new HashMap<>();
      for (String variable : nulSeparated(Files.readAllBytes(proc.resolve("environ")))) {
        int equals = variable.indexOf('=');
        if (equals > 0) {
          environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
      }
      return new Launch(command, Files.readSymbolicLink(proc.resolve("cwd")), environment);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read how process " + pid + " was started", e);
    }
  }

  /** The same launch with these variables set (or replaced). */
  Launch with(Map<String, String> variables) {
    Map<String, String> changed = new HashMap<>(environment);
    changed.putAll(variables);
    return new Launch(command, directory, changed);
  }

  /** Starts it with exactly this environment, its output appended to {@code log}. */
  Process start(Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.getLast(), e);
    }
  }

  /** Waits until {@code readiness} answers 200; fails at once if the process ends first. */
  static void awaitReady(Process process, URI readiness, Duration within) {
    HttpRequest probe = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
    await(readiness + " to answer ready")
        .atMost(within)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "the process ended with code " + process.exitValue() + " before it was ready");
              }
              try {
                return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
              } catch (IOException e) {
                return false;
              }
            });
  }

  /** SIGTERM, then SIGKILL if it has not ended within {@code grace}. */
  static void stop(ProcessHandle process, Duration grace) {
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> nulSeparated(byte[] bytes) {
    return Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\0"))
        .filter(part -> !part.isEmpty())
        .toList();
  }
}
