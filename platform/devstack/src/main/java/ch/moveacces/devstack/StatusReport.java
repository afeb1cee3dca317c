package ch.moveacces.devstack;

import ch.moveacces.legacy.LegacyDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is running where, once everything is ready: a table for the person at the terminal and
 * {@code devstack.json} for tests and tools. {@code caddy} and {@code zipkin} are null when not
 * asked for, {@code app} (the app server's URL) when the app is not built.
 */
record StatusReport(
    List<ServiceProcess> services,
    Layout layout,
    Path dataDir,
    Duration startup,
    boolean seeded,
    Caddy caddy,
    Zipkin zipkin,
    URI app) {

  StatusReport(
      List<ServiceProcess> services,
      Layout layout,
      Path dataDir,
      Duration startup,
      boolean seeded) {
    this(services, layout, dataDir, startup, seeded, null, null, null);
  }

  /**
   * The shape of {@code devstack.json}. {@code processes} lists every process the devstack started,
   * so that the next run can stop them if this one is killed before it can.
   */
  record Status(
      String state,
      long pid,
      long startupMillis,
      String entryPoint,
      String dataDir,
      Map<String, Service> services,
      Map<String, Engine> engines,
      String seedUser,
      String tracesEndpoint,
      List<Long> processes,
      Https https,
      TraceUi zipkin,
      App app) {}

  /** Where the devstack serves the app's build. */
  record App(String url) {}

  /** Caddy's entry point, the HTTP port that redirects to it, and the CA a client trusts. */
  record Https(String url, String redirectFrom, String rootCertificate, long pid) {}

  record TraceUi(String url, String spansEndpoint, long pid) {}

  record Service(int port, long pid, String url, String managementUrl) {}

  record Engine(String host, int port) {}

  List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(
        caddy == null
            ? "Move Acces is ready in %s. Entry point: %s (gateway)"
                .formatted(seconds(startup), layout.url(Application.GATEWAY))
            : "Move Acces is ready in %s. Entry point: %s (Caddy, in front of the gateway at %s)"
                .formatted(seconds(startup), caddy.httpsUrl(), layout.url(Application.GATEWAY)));
    lines.add("");
    lines.add(row("application", "url", "pid", "ready after"));
    for (ServiceProcess service : services) {
      lines.add(
          row(
              service.app().module(),
              service.url(),
              String.valueOf(service.pid()),
              seconds(service.readyAfter())));
    }
    lines.add(
        app == null
            ? row("app", "not built", AppFiles.DIST, "")
            : row("app", app.toString(), AppFiles.DIST, ""));
    lines.add("");
    lines.add(row("engine", "address", "", ""));
    lines.add(row("MariaDB", address(layout.mariadbPort()), "database " + LegacyDatabase.NAME, ""));
    lines.add(row("Redis", layout.redisHost() + ":" + layout.redisPort(), "", ""));
    lines.add(row("Kafka", layout.kafkaBootstrapServers(), "", ""));
    if (layout.tracesEndpoint() != null) {
      lines.add(row("traces (OTLP)", layout.tracesEndpoint().toString(), "", ""));
    }
    if (zipkin != null) {
      lines.add(
          row(
              "traces (Zipkin)",
              zipkin.ui().toString(),
              String.valueOf(zipkin.process().pid()),
              ""));
    }
    if (caddy != null) {
      lines.add("");
      lines.add(
          row(
              "HTTPS (Caddy)",
              caddy.httpsUrl().toString(),
              String.valueOf(caddy.process().pid()),
              ""));
      lines.add(row("HTTP → HTTPS", caddy.httpUrl().toString(), "", ""));
      lines.add(row("Caddy's root CA", caddy.rootCertificate().toString(), "", ""));
    }
    lines.add("");
    lines.add(row("data", dataDir.toString(), seeded ? "(seed data loaded)" : "", ""));
    lines.add(
        row("seed user", LegacyDatabase.SEED_EMAIL + " / " + LegacyDatabase.SEED_PASSWORD, "", ""));
    // created by auth-service at its start, since the devstack sets AUTH_DEV_ACCOUNTS=true
    lines.add(row("auditor", "auditor@moveacces.ch / Ledger-Watch-2026!", "role AUDITOR", ""));
    lines.add(row("admin", "admin@moveacces.ch / Control-Room-2026!", "role ADMIN", ""));
    lines.add(row("signing key", dataDir.resolve(SigningKeyFile.NAME).toString(), "", ""));
    lines.add(row("status file", dataDir.resolve(DataDirectory.STATUS_FILE).toString(), "", ""));
    lines.add("");
    lines.add("Ctrl-C stops everything.");
    return lines;
  }

  Status status() {
    Map<String, Service> byName = new LinkedHashMap<>();
    for (ServiceProcess service : services) {
      byName.put(
          service.app().module(),
          new Service(
              layout.port(service.app()), service.pid(), service.url(), service.managementUrl()));
    }
    Map<String, Engine> engines = new LinkedHashMap<>();
    engines.put("mariadb", new Engine(Application.HOST, layout.mariadbPort()));
    engines.put("redis", new Engine(layout.redisHost(), layout.redisPort()));
    engines.put("kafka", kafkaEngine(layout.kafkaBootstrapServers()));
    return new Status(
        "ready",
        ProcessHandle.current().pid(),
        startup.toMillis(),
        layout.url(Application.GATEWAY),
        dataDir.toString(),
        byName,
        engines,
        LegacyDatabase.SEED_EMAIL,
        layout.tracesEndpoint() == null ? null : layout.tracesEndpoint().toString(),
        ProcessHandle.current().descendants().map(ProcessHandle::pid).toList(),
        caddy == null
            ? null
            : new Https(
                caddy.httpsUrl().toString(),
                caddy.httpUrl().toString(),
                caddy.rootCertificate().toString(),
                caddy.process().pid()),
        zipkin == null
            ? null
            : new TraceUi(
                zipkin.url().toString(), zipkin.spansEndpoint().toString(), zipkin.process().pid()),
        app == null ? null : new App(app.toString()));
  }

  /** Written to a temporary file first, so that a reader never sees half of it. */
  void write(Path file) throws IOException {
    JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, json.writeValueAsString(status()));
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The first of the bootstrap servers: the embedded broker, or where an external one begins. */
  private static Engine kafkaEngine(String bootstrapServers) {
    String first = bootstrapServers.split(",")[0].strip();
    int colon = first.lastIndexOf(':');
    return new Engine(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
  }

  private static String row(String name, String value, String third, String fourth) {
    return "  %-22s %-28s %-10s %s".formatted(name, value, third, fourth).stripTrailing();
  }

  private static String address(int port) {
    return Application.HOST + ":" + port;
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
