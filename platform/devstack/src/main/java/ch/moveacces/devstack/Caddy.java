package ch.moveacces.devstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS in front of the gateway ({@code --caddy}), as in production: the caddy on the PATH with
 * {@link DevstackCaddyfile}, its certificates, CA and configuration in {@code <data-dir>/caddy}.
 */
final class Caddy {

  static final String NAME = "caddy";
  static final int HTTPS_PORT = 8443;
  static final int HTTP_PORT = 8880;

  private final ToolProcess process;
  private final Path dir;
  private final int httpsPort;
  private final int httpPort;

  private Caddy(ToolProcess process, Path dir, int httpsPort, int httpPort) {
    this.process = process;
    this.dir = dir;
    this.httpsPort = httpsPort;
    this.httpPort = httpPort;
  }

  /** The caddy executable on the PATH, or an exception saying how to install it. */
  static Path executable(Map<String, String> environment) {
    return onPath(environment.getOrDefault("PATH", ""))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "--caddy needs caddy on the PATH, and there is none: install it (Debian,"
                        + " Ubuntu: sudo apt-get install caddy; elsewhere"
                        + " https://caddyserver.com/docs/install), or start without --caddy"));
  }

  static Optional<Path> onPath(String path) {
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, NAME))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static Caddy start(
      Path executable,
      Repository repository,
      Path dataDir,
      int gatewayPort,
      int httpsPort,
      int httpPort,
      Console console)
      throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve(NAME));
    Path caddyfile = dir.resolve("Caddyfile");
    Files.writeString(
        caddyfile,
        DevstackCaddyfile.render(
            Files.readString(repository.root().resolve(DevstackCaddyfile.SOURCE)),
            gatewayPort,
            httpsPort,
            httpPort,
            dir.resolve("data")));
    List<String> command =
        List.of(
            executable.toString(),
            "run",
            "--config",
            caddyfile.toString(),
            "--adapter",
            "caddyfile");
    // Caddy writes its autosaved configuration and anything else of its own under these.
    Map<String, String> environment =
        Map.of(
            "XDG_CONFIG_HOME", dir.resolve("config").toString(),
            "XDG_DATA_HOME", dir.resolve("data").toString(),
            "HOME", dir.toString());
    return new Caddy(
        ToolProcess.start(NAME, command, environment, dir, console), dir, httpsPort, httpPort);
  }

  /** Ready once its HTTP side answers with the redirect; HTTPS comes up in the same step. */
  void awaitReady(long deadline) throws InterruptedException {
    process.awaitReady(httpUrl().resolve("/health"), status -> status == 308, deadline);
  }

  URI httpsUrl() {
    return URI.create("https://localhost:" + httpsPort);
  }

  URI httpUrl() {
    return URI.create("http://localhost:" + httpPort);
  }

  /** The root of Caddy's own CA, which signs its certificate: what a client trusts. */
  Path rootCertificate() {
    return DevstackCaddyfile.rootCertificate(dir.resolve("data"));
  }

  ToolProcess process() {
    return process;
  }
}
