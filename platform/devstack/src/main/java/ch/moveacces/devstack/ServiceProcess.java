package ch.moveacces.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One application running as a child process of the devstack: started with the devstack's own java,
 * its output prefixed and rendered on the console, its readiness probed, stopped with SIGTERM and,
 * if it lingers, killed together with whatever it started.
 */
final class ServiceProcess {

  /** Sized for a two-core laptop running six of them: quick start over peak throughput. */
  static final List<String> JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmx256m",
          "-Xss512k",
          "-XX:+ExitOnOutOfMemoryError",
          "--enable-native-access=ALL-UNNAMED");

  private static final int TAIL_LINES = 30;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final Application app;
  private final String url;
  private final String managementUrl;
  private final Process process;
  private final long startedAt;
  private final Deque<String> tail = new ArrayDeque<>();
  private volatile Thread logPump;
  private volatile List<ProcessHandle> descendants = List.of();
  private volatile Duration readyAfter;
  private volatile boolean stopRequested;

  private ServiceProcess(Application app, String url, String managementUrl, Process process) {
    this.app = app;
    this.url = url;
    this.managementUrl = managementUrl;
    this.process = process;
    this.startedAt = System.nanoTime();
  }

  static ServiceProcess start(
      Application app,
      Path jar,
      Layout layout,
      Path signingKeys,
      Path workingDir,
      Console console,
      LogLineRenderer renderer)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(JVM_FLAGS);
    command.addAll(extraJvmFlags(app, System.getenv()));
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.putAll(app.environment(layout, signingKeys));
    Process process = builder.start();
    process.getOutputStream().close();
    ServiceProcess service =
        new ServiceProcess(app, layout.url(app), layout.managementUrl(app), process);
    service.logPump =
        Thread.ofPlatform()
            .name(app.module() + "-log")
            .daemon()
            .start(() -> service.pumpLogs(console, renderer));
    return service;
  }

  /**
   * {@code DEVSTACK_JAVA_OPTS_<MODULE>} from the devstack's environment (e.g. {@code
   * DEVSTACK_JAVA_OPTS_REALTIME_SERVICE=-Xmx512m}), placed after the defaults so that its flags
   * win: one application can get a larger heap for a load test without every other growing too.
   */
  static List<String> extraJvmFlags(Application app, Map<String, String> environment) {
    String value = environment.get(extraJvmFlagsVariable(app));
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  static String extraJvmFlagsVariable(Application app) {
    return "DEVSTACK_JAVA_OPTS_" + app.module().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The java this devstack runs on, so that every application runs on the same JDK. */
  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private void pumpLogs(Console console, LogLineRenderer renderer) {
    try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        List<String> rendered = renderer.render(line);
        remember(rendered);
        console.lines(app.module(), rendered);
      }
    } catch (IOException e) {
      // The stream closes under the reader when the process is killed: nothing more to show.
    }
  }

  private synchronized void remember(List<String> lines) {
    for (String line : lines) {
      if (tail.size() == TAIL_LINES) {
        tail.removeFirst();
      }
      tail.addLast(line);
    }
  }

  /**
   * Completes once {@code GET /actuator/health/readiness} answers 200; fails at once if the process
   * exits, or when {@code deadline} (a {@link System#nanoTime()}) passes.
   */
  CompletableFuture<ServiceProcess> readiness(
      HttpClient http, ScheduledExecutorService scheduler, long deadline) {
    CompletableFuture<ServiceProcess> ready = new CompletableFuture<>();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/health/readiness"))
            .timeout(PROBE_TIMEOUT)
            .build();
    process
        .onExit()
        .thenRun(
            () ->
                ready.completeExceptionally(
                    new NotReady(
                        this, "exited with code " + process.exitValue() + " before it was ready")));
    ScheduledFuture<?> polling =
        scheduler.scheduleWithFixedDelay(
            () -> {
              if (stopRequested) {
                ready.completeExceptionally(new NotReady(this, "was stopped before it was ready"));
              } else if (System.nanoTime() - deadline > 0) {
                ready.completeExceptionally(new NotReady(this, "was not ready in time"));
              } else if (answersReady(http, probe)) {
                readyAfter = Duration.ofNanos(System.nanoTime() - startedAt);
                ready.complete(this);
              }
            },
            0,
            POLL_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
    ready.whenComplete((service, failure) -> polling.cancel(false));
    return ready;
  }

  private static boolean answersReady(HttpClient http, HttpRequest probe) {
    try {
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends SIGTERM to the process and to everything it started. */
  void requestStop() {
    stopRequested = true;
    descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
  }

  /**
   * Waits for the process to end until {@code deadline} (a {@link System#nanoTime()}), then kills
   * it; kills whatever it started and still runs either way.
   *
   * @return whether it had to be killed
   */
  boolean awaitStop(long deadline) {
    boolean killed = !exitsWithin(deadline - System.nanoTime());
    if (killed) {
      process.destroyForcibly();
      exitsWithin(KILL_WAIT.toNanos());
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try {
      logPump.join(KILL_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return killed;
  }

  private boolean exitsWithin(long nanos) {
    try {
      return process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  synchronized List<String> lastLines() {
    return List.copyOf(tail);
  }

  Application app() {
    return app;
  }

  String url() {
    return url;
  }

  /** Where its actuator answers; the gateway keeps it off its public port. */
  String managementUrl() {
    return managementUrl;
  }

  long pid() {
    return process.pid();
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** How long it took from its start to answering ready, once it has. */
  Duration readyAfter() {
    return readyAfter;
  }

  /** An application exited or timed out before it was ready. */
  static final class NotReady extends RuntimeException {

    @Serial private static final long serialVersionUID = 1L;

    private final transient ServiceProcess service;

    NotReady(ServiceProcess service, String reason) {
      super(service.app().module() + " " + reason);
      this.service = service;
    }

    ServiceProcess service() {
      return service;
    }
  }
}
