package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The members' app's site of each Caddyfile, run by the installed caddy over a directory shaped
 * like the app's build: its site block and the snippets it imports taken as they are, only the
 * address moved to a free port on 127.0.0.1 (and, in production, certificates from Caddy's own CA
 * in place of ACME). Caddy keeps that CA in a temporary data directory; the client trusts its root
 * and nothing else. Without caddy installed the checks are skipped ({@link DeploymentTools}).
 */
class CaddyAppSiteTest {

  private static final String INDEX = "<!doctype html><title>Move Acces</title>";
  private static final String ASSET = "console.log('app')";
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self' %1$s %2$s; worker-src 'self';"
          + " manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final Duration STARTUP = Duration.ofSeconds(10);

  @Nested
  class Development extends AppSite {
    Development() {
      super(Caddyfile.DEVELOPMENT, Caddyfile.DEVELOPMENT_APP_SITE, Map.of(), "localhost");
    }
  }

  @Nested
  class Production extends AppSite {
    Production() {
      super(
          Caddyfile.PRODUCTION,
          Caddyfile.PRODUCTION_APP_SITE,
          Map.of("DOMAIN", "api.example.ch"),
          "api.example.ch");
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class AppSite {

    private final Caddyfile caddyfile;
    private final String site;
    private final Map<String, String> environment;
    private final String apiHost;

    private Process caddy;
    private Path log;
    private HttpClient client;
    private URI origin;

    AppSite(String file, String site, Map<String, String> environment, String apiHost) {
      this.caddyfile = Caddyfile.load(file);
      this.site = site;
      this.environment = environment;
      this.apiHost = apiHost;
    }

    @BeforeAll
    void startCaddy(@TempDir Path directory) throws Exception {
      DeploymentTools.requireInstalled("caddy");
      Path dist = writeDist(directory.resolve("dist"));
      int https = freePort();
      int http = freePort();
      Path config = directory.resolve("Caddyfile");
      Files.writeString(config, render(https, http), StandardCharsets.UTF_8);
      Path home = Files.createDirectories(directory.resolve("home"));
      Path data = Files.createDirectories(directory.resolve("data"));
      log = directory.resolve("caddy.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "caddy", "run", "--config", config.toString(), "--adapter", "caddyfile")
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      String path = env.get("PATH");
      env.clear();
      env.put("PATH", path);
      env.put("HOME", home.toString());
      env.put("XDG_DATA_HOME", data.toString());
      env.put("XDG_CONFIG_HOME", Files.createDirectories(directory.resolve("config")).toString());
      env.put("APP_DIST", dist.toString());
      env.putAll(environment);
      caddy = builder.start();
      origin = URI.create("https://localhost:" + https);
      client = awaitReady(data.resolve("caddy/pki/authorities/local/root.crt"));
    }

    @AfterAll
    void stopCaddy() throws InterruptedException {
      if (client != null) {
        client.close();
      }
      if (caddy != null) {
        caddy.destroy();
        if (!caddy.waitFor(5, TimeUnit.SECONDS)) {
          caddy.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/",
          "/index.html",
          "/abonnements/12",
          "/assets/app-abc123.js",
          "/sw.js",
          "/manifest.webmanifest",
          "/app-config.json",
          "/assets/app-missing.js"
        })
    void sendsTheSecurityHeadersWithEveryResponse(String path) throws Exception {
      HttpResponse<String> response = get(path);
      assertThat(header(response, "Content-Security-Policy"))
          .isEqualTo(CSP.formatted("https://" + apiHost, "wss://" + apiHost));
      assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(header(response, "Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
      assertThat(header(response, "Strict-Transport-Security"))
          .as("HSTS as on the API's site")
          .isEqualTo(
              caddyfile.headerValue(caddyfile.block("(hardening)"), "Strict-Transport-Security"));
    }

    @Test
    void cachesHashedAssetsForGood() throws Exception {
      HttpResponse<String> response = get("/assets/app-abc123.js");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(ASSET);
      assertThat(header(response, "Content-Type")).startsWith("text/javascript");
      assertThat(header(response, "Cache-Control")).isEqualTo(IMMUTABLE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/",
          "/index.html",
          "/sw.js",
          "/registerSW.js",
          "/manifest.webmanifest",
          "/app-config.json"
        })
    void revalidatesWhatABuildMayChange(String path) throws Exception {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void servesIndexAtTheRoot() throws Exception {
      HttpResponse<String> response = get("/");
      assertThat(response.body()).isEqualTo(INDEX);
      assertThat(header(response, "Content-Type")).startsWith("text/html");
    }

    @Test
    void servesTheManifestAsAManifest() throws Exception {
      assertThat(header(get("/manifest.webmanifest"), "Content-Type"))
          .isEqualTo("application/manifest+json");
    }

    /** Caddy's own answer, not a file of the build (the fake build holds a stale one). */
    @Test
    void namesTheApisOriginInTheAppsConfiguration() throws Exception {
      HttpResponse<String> response = get("/app-config.json");
      assertThat(response.body()).isEqualTo("{\"apiOrigin\":\"https://" + apiHost + "\"}");
      assertThat(header(response, "Content-Type")).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abonnements/12", "/abonnements/", "/compte"})
    void answersADeepLinkWithIndex(String path) throws Exception {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(INDEX);
      assertThat(header(response, "Content-Type")).startsWith("text/html");
      assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
    }

    /** A page from an older build must not get index.html for a script, nor keep the 404. */
    @Test
    void answersAMissingAssetWith404() throws Exception {
      HttpResponse<String> response = get("/assets/app-missing.js");
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).doesNotContain(INDEX);
      assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void answersAMissingFileWith404() throws Exception {
      HttpResponse<String> response = get("/robots.txt");
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).doesNotContain(INDEX);
    }

    /**
     * The site and the snippets it imports as the Caddyfile has them, on {@code localhost:https}
     * and 127.0.0.1 only; around them no admin API, nothing added to the system's trust store, the
     * HTTP port (redirects off) out of the way, and localhost's certificate for a client that sends
     * no server name (the JDK sends none for a name without a dot).
     */
    private String render(int https, int http) {
      String block = caddyfile.block(site);
      List<String> lines = new ArrayList<>();
      lines.add("{");
      lines.add("\tadmin off");
      lines.add("\tskip_install_trust");
      lines.add("\tauto_https disable_redirects");
      lines.add("\thttp_port " + http);
      lines.add("\thttps_port " + https);
      lines.add("\tdefault_sni localhost");
      lines.add("}");
      lines.addAll(caddyfile.importedSnippets(block));
      lines.add("localhost:" + https + " {");
      lines.add("\tbind 127.0.0.1");
      if (!block.contains("tls internal")) {
        lines.add("\ttls internal");
      }
      lines.add(Caddyfile.body(block).strip());
      lines.add("}");
      return String.join("\n", lines) + "\n";
    }

    /** What the app's build writes, in miniature, and a stale app-config.json Caddy must ignore. */
    private static Path writeDist(Path dist) throws IOException {
      Files.createDirectories(dist.resolve("assets"));
      Files.createDirectories(dist.resolve("icons"));
      Files.writeString(dist.resolve("index.html"), INDEX);
      Files.writeString(dist.resolve("assets/app-abc123.js"), ASSET);
      Files.writeString(dist.resolve("assets/app-abc123.css"), "body{margin:0}");
      Files.writeString(dist.resolve("sw.js"), "self.skipWaiting()");
      Files.writeString(
          dist.resolve("registerSW.js"), "navigator.serviceWorker.register('/sw.js')");
      Files.writeString(dist.resolve("manifest.webmanifest"), "{\"name\":\"Move Acces\"}");
      Files.writeString(dist.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
      Files.writeString(dist.resolve("app-config.json"), "{\"apiOrigin\":\"https://stale\"}");
      return dist;
    }

    /**
     * A client that trusts Caddy's root once it exists, after the first answer from the site: Caddy
     * makes its CA, then localhost's certificate, within a second or so of starting.
     */
    private HttpClient awaitReady(Path rootCertificate) throws Exception {
      long deadline = System.nanoTime() + STARTUP.toNanos();
      Exception last = null;
      while (System.nanoTime() < deadline) {
        if (!caddy.isAlive()) {
          throw new AssertionError("caddy stopped (" + caddy.exitValue() + "):\n" + caddyLog());
        }
        if (Files.isRegularFile(rootCertificate)) {
          HttpClient candidate =
              HttpClient.newBuilder()
                  .sslContext(trusting(rootCertificate))
                  .version(HttpClient.Version.HTTP_1_1)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(Duration.ofSeconds(2))
                  .build();
          try {
            candidate.send(request("/"), HttpResponse.BodyHandlers.discarding());
            return candidate;
          } catch (IOException e) {
            last = e;
            candidate.close();
          }
        }
        Thread.sleep(100);
      }
      throw new AssertionError(
          "caddy did not answer on "
              + origin
              + " within "
              + STARTUP
              + ": "
              + last
              + "\n"
              + caddyLog());
    }

    private static SSLContext trusting(Path rootCertificate) throws Exception {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      try (InputStream in = Files.newInputStream(rootCertificate)) {
        trusted.setCertificateEntry(
            "caddy-local-root", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    }

    private HttpResponse<String> get(String path) throws Exception {
      return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
      return HttpRequest.newBuilder(origin.resolve(path)).timeout(Duration.ofSeconds(5)).build();
    }

    private static String header(HttpResponse<?> response, String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    private String caddyLog() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }
  }
}
