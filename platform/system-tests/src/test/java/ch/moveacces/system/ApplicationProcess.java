package ch.moveacces.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One application of the running system as the process it is, for tests that take it away and bring
 * it back: {@link #stop()} sends SIGTERM as an operator would (the devstack lets an application
 * stopped by a signal go and keeps the others running), {@link #start()} starts it again on the
 * same port with the devstack's own command line and environment and waits until it is ready. The
 * devstack has no control to restart one application, and a devstack of its own would cost such a
 * test some 40 s; this needs nothing of the devstack. What is started here is stopped by {@link
 * RunningSystem#close()} before the devstack stops, its output in {@code
 * target/system-<application>.log}.
 */
final class ApplicationProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration READY_WITHIN = Duration.ofSeconds(150);

  private final String name;
  private final URI readiness;
  private final Launch launch;
  private ProcessHandle current;
  private Process started;

  ApplicationProcess(String name, long pid, URI managementUrl) {
    this.name = name;
    this.readiness = managementUrl.resolve("/actuator/health/readiness");
    this.launch = Launch.of(pid);
    this.current = ProcessHandle.of(pid).orElseThrow();
  }

  /** How the devstack started it: for a second instance with other settings. */
  Launch launch() {
    return launch;
  }

  synchronized boolean isRunning() {
    return current.isAlive();
  }

  /** Stops it (SIGTERM; killed after 20 s) and returns once it has ended. */
  synchronized void stop() {
    Launch.stop(current, STOP_GRACE);
  }

  /** Starts it again as the devstack did and returns once it answers ready; nothing if it runs. */
  synchronized void start() {
    if (current.isAlive()) {
      return;
    }
    Process process = launch.start(Path.of("target/system-" + name + ".log"));
    started = process;
    current = process.toHandle();
    Launch.awaitReady(process, readiness, READY_WITHIN);
  }

  @Override
  public synchronized void close() {
    if (started != null && started.isAlive()) {
      Launch.stop(started.toHandle(), STOP_GRACE);
    }
  }
}
