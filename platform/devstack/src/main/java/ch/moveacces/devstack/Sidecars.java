package ch.moveacces.devstack;

import ch.moveacces.engines.FreePorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Caddy and Zipkin, when asked for: checked before anything starts, so that a missing caddy or
 * Zipkin jar is said at once; Zipkin started before the applications, which send it their spans,
 * and Caddy once the gateway it proxies to is ready. Caddy stops first (no new requests), Zipkin
 * after the applications (their last spans).
 */
final class Sidecars {

  private static final Duration READY_WITHIN = Duration.ofSeconds(90);

  private final DevstackOptions.Tools options;
  private final Console console;
  private Path zipkinJar;
  private Path caddyExecutable;
  private volatile Zipkin zipkin;
  private volatile Caddy caddy;

  Sidecars(DevstackOptions.Tools options, Console console) {
    this.options = options;
    this.console = console;
  }

  void check(Repository repository, Map<String, String> environment) {
    if (options.zipkin()) {
      zipkinJar = Zipkin.jar(repository);
    }
    if (options.caddy()) {
      caddyExecutable = Caddy.executable(environment);
    }
  }

  /** The layout, with the applications sending their spans to Zipkin too when it runs. */
  Layout startZipkin(Layout layout, Path workingDir) throws IOException {
    if (!options.zipkin()) {
      return layout;
    }
    int port = portOrFree(options.zipkinPort(), layout, Set.of());
    console.say("starting Zipkin on port " + port);
    zipkin = Zipkin.start(zipkinJar, port, workingDir, console);
    return layout.withZipkinEndpoint(zipkin.spansEndpoint());
  }

  void awaitZipkin() throws InterruptedException {
    if (zipkin != null) {
      zipkin.awaitReady(System.nanoTime() + READY_WITHIN.toNanos());
    }
  }

  void startCaddy(Repository repository, Path dataDir, Layout layout)
      throws IOException, InterruptedException {
    if (!options.caddy()) {
      return;
    }
    Set<Integer> taken = new HashSet<>();
    if (zipkin != null) {
      taken.add(zipkin.url().getPort());
    }
    int httpsPort = portOrFree(options.httpsPort(), layout, taken);
    taken.add(httpsPort);
    int httpPort = portOrFree(options.httpPort(), layout, taken);
    console.say("starting Caddy: HTTPS on port " + httpsPort + ", HTTP on " + httpPort);
    caddy =
        Caddy.start(
            caddyExecutable,
            repository,
            dataDir,
            layout.port(Application.GATEWAY),
            httpsPort,
            httpPort,
            console);
    caddy.awaitReady(System.nanoTime() + READY_WITHIN.toNanos());
  }

  /** {@code exited} is told, with the process's name and exit code, if one ends on its own. */
  void whenOneExits(Consumer<String> exited) {
    for (ToolProcess process : running()) {
      process
          .onExit()
          .thenAccept(
              ended -> exited.accept(process.name() + " exited with code " + ended.exitValue()));
    }
  }

  private List<ToolProcess> running() {
    List<ToolProcess> running = new ArrayList<>();
    if (zipkin != null) {
      running.add(zipkin.process());
    }
    if (caddy != null) {
      running.add(caddy.process());
    }
    return running;
  }

  void stopCaddy() {
    if (caddy != null) {
      console.say("stopping Caddy");
      caddy.process().stop();
    }
  }

  void stopZipkin() {
    if (zipkin != null) {
      console.say("stopping Zipkin");
      zipkin.process().stop();
    }
  }

  Caddy caddy() {
    return caddy;
  }

  Zipkin zipkin() {
    return zipkin;
  }

  /** The port asked for, or a free one that no application of {@code layout} has either. */
  private static int portOrFree(int port, Layout layout, Set<Integer> taken) {
    if (port != 0) {
      return port;
    }
    Set<Integer> used = new HashSet<>(layout.appPorts().values());
    used.add(layout.gatewayManagementPort());
    used.addAll(taken);
    int free = FreePorts.find();
    while (used.contains(free)) {
      free = FreePorts.find();
    }
    return free;
  }
}
