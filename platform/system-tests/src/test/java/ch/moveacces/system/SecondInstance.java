package ch.moveacces.system;

import ch.moveacces.engines.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A second instance of one of the running system's applications, started from the devstack's own
 * command line and environment with a few settings changed, on ports of its own, in front of the
 * same engines and services. Closing it stops it (SIGTERM; killed after 20 s), after which its log
 * is complete.
 */
record SecondInstance(Process process, URI uri, Path log) implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(150);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /** Starts it with {@code settings} added to its environment; returns once it answers ready. */
  static SecondInstance start(
      RunningSystem system, String application, Map<String, String> settings, Path log) {
    int port = FreePorts.find();
    int managementPort = FreePorts.find();
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("SERVER_PORT", String.valueOf(port));
    environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    Process process = system.application(application).launch().with(environment).start(log);
    SecondInstance instance =
        new SecondInstance(process, URI.create("http://127.0.0.1:" + port), log);
    try {
      Launch.awaitReady(
          process,
          URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"),
          READY_WITHIN);
    } catch (RuntimeException notReady) {
      instance.close();
      throw notReady;
    }
    return instance;
  }

  @Override
  public void close() {
    Launch.stop(process.toHandle(), STOP_GRACE);
  }
}
