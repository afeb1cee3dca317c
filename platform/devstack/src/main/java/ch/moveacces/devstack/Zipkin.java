package ch.moveacces.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trace UI without Docker ({@code --zipkin}): Zipkin's server from its executable jar, spans kept
 * in memory, its UI at {@code /zipkin/}. The build puts the jar beside devstack.jar, so that no
 * download happens when the devstack starts.
 */
final class Zipkin {

  static final String NAME = "zipkin";
  static final int PORT = 9411;

  /** Where the devstack's build copies {@code io.zipkin:zipkin-server:exec}. */
  static final String JAR = "platform/devstack/target/zipkin/zipkin-server.jar";

  /** In-memory storage: enough for an afternoon of clicking, not so many that the heap fills. */
  private static final String MAX_SPANS = "50000";

  private final ToolProcess process;
  private final int port;

  private Zipkin(ToolProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The jar, or an exception saying how to build it. */
  static Path jar(Repository repository) {
    Path jar = repository.root().resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "--zipkin needs "
              + jar
              + ", which the devstack's build puts there: "
              + Repository.BUILD_COMMAND
              + " (once with network, to fetch it into ~/.m2)");
    }
    return jar;
  }

  static Zipkin start(Path jar, int port, Path workingDir, Console console) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ServiceProcess.JVM_FLAGS);
    // Only this machine may read the traces, as with the applications. Zipkin's own QUERY_PORT
    // cannot be combined with an address: a list entry given here replaces its whole list.
    command.add("-Darmeria.ports[0].ip=" + Application.HOST);
    command.add("-Darmeria.ports[0].port=" + port);
    command.add("-Darmeria.ports[0].protocols=http");
    command.add("-jar");
    command.add(jar.toString());
    Map<String, String> environment =
        Map.of(
            "QUERY_PORT", String.valueOf(port), "STORAGE_TYPE", "mem", "MEM_MAX_SPANS", MAX_SPANS);
    return new Zipkin(ToolProcess.start(NAME, command, environment, workingDir, console), port);
  }

  void awaitReady(long deadline) throws InterruptedException {
    process.awaitReady(url().resolve("/health"), status -> status == 200, deadline);
  }

  URI url() {
    return URI.create("http://" + Application.HOST + ":" + port);
  }

  /** Where the applications post their spans (Zipkin's v2 JSON). */
  URI spansEndpoint() {
    return url().resolve("/api/v2/spans");
  }

  /** The UI, for people. */
  URI ui() {
    return url().resolve("/zipkin/");
  }

  ToolProcess process() {
    return process;
  }
}
