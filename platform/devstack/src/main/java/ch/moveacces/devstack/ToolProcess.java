package ch.moveacces.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * A program the devstack runs beside the applications (Caddy, Zipkin): its output shown under its
 * name as it is, ready once an HTTP probe answers as expected, stopped with SIGTERM and killed if
 * it lingers.
 */
final class ToolProcess {

  private static final int TAIL_LINES = 30;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Deque<String> tail = new ArrayDeque<>();

  private ToolProcess(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  static ToolProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workingDir,
      Console console)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    ToolProcess tool = new ToolProcess(name, process);
    Thread.ofPlatform().name(name + "-log").daemon().start(() -> tool.pumpOutput(console));
    return tool;
  }

  private void pumpOutput(Console console) {
    try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        remember(line);
        console.lines(name, List.of(line));
      }
    } catch (IOException e) {
      // The stream closes under the reader when the process is killed: nothing more to show.
    }
  }

  private synchronized void remember(String line) {
    if (tail.size() == TAIL_LINES) {
      tail.removeFirst();
    }
    tail.addLast(line);
  }

  /**
   * Returns once {@code GET probe} answers with a status {@code expected} accepts; throws, with the
   * last lines of output, when the process exits first or {@code deadline} (a {@link
   * System#nanoTime()}) passes.
   */
  void awaitReady(URI probe, IntPredicate expected, long deadline) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build();
    while (true) {
      if (!process.isAlive()) {
        throw notReady("exited with code " + process.exitValue() + " before it was ready");
      }
      if (System.nanoTime() - deadline > 0) {
        throw notReady("was not ready in time");
      }
      try {
        if (expected.test(
            http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(POLL_INTERVAL);
    }
  }

  private IllegalStateException notReady(String reason) {
    return new IllegalStateException(
        name + " " + reason + "; its last lines:\n  " + String.join("\n  ", lastLines()));
  }

  synchronized List<String> lastLines() {
    return List.copyOf(tail);
  }

  /** SIGTERM, and SIGKILL for it and whatever it started if it is still there after a while. */
  void stop() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }
}
