package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.engines.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app server over a build output of its own, asked by a real HTTP client.
 *
 * <p>The exact CSP and the other headers on every answer (404 and 405 included), cache headers of a
 * hashed asset, the index, {@code sw.js} and the manifest, content types, a deep link answered with
 * {@code index.html}, a missing asset 404, {@code app-config.json}, HEAD, POST 405, and path
 * traversal (dot segments plain and encoded, backslash, NUL, absolute paths, a symbolic link out),
 * sent byte for byte over a socket, never reaching a file outside.
 */
class AppServerTest {

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self' http://127.0.0.1:8080 ws://127.0.0.1:8080;"
          + " worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final String INDEX = "<!doctype html><title>Move Acces</title>";
  private static final String SECRET = "outside the app";

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private AppServer app;

  @BeforeEach
  void serveABuild() throws IOException {
    Path dist = Files.createDirectories(dir.resolve("mobile/dist"));
    Files.writeString(dist.resolve("index.html"), INDEX);
    Files.createDirectories(dist.resolve("assets"));
    Files.writeString(dist.resolve("assets/index-Bx3k9Lq2.js"), "console.log('app')");
    Files.writeString(dist.resolve("assets/index-D8sPq1aZ.css"), "body{margin:0}");
    Files.write(
        dist.resolve("assets/roboto-latin-400-C2xm.woff2"), new byte[] {'w', 'O', 'F', '2'});
    Files.writeString(dist.resolve("sw.js"), "self.addEventListener('fetch', () => {})");
    Files.writeString(dist.resolve("workbox-5ffe50d4.js"), "/* workbox */");
    Files.writeString(dist.resolve("registerSW.js"), "/* register */");
    Files.writeString(dist.resolve("manifest.webmanifest"), "{\"name\":\"Move Acces\"}");
    Files.write(dist.resolve("pwa-192x192.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(dist.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Files.write(dist.resolve("favicon.ico"), new byte[] {0, 0, 1, 0});
    Files.writeString(dist.resolve("robots.txt"), "User-agent: *");
    Files.writeString(dist.resolve("assets/index-Bx3k9Lq2.js.map"), "{\"version\":3}");
    Files.writeString(dist.resolve("empty.txt"), "");
    Files.writeString(dir.resolve("mobile/secret.txt"), SECRET);
    Files.createSymbolicLink(dist.resolve("leak.txt"), dir.resolve("mobile/secret.txt"));
    app = AppServer.start(dist, "127.0.0.1", 0, URI.create("http://127.0.0.1:8080"));
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void sendsTheProductionHeadersWithEveryAnswer() throws Exception {
    for (HttpResponse<String> response :
        List.of(
            get("/"),
            get("/assets/index-Bx3k9Lq2.js"),
            get("/app-config.json"),
            get("/assets/missing-0000.js"),
            send("POST", "/"))) {
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(response.uri() + " " + response.statusCode())
          .hasValue(CSP);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy"))
          .hasValue("same-origin");
    }
  }

  @Test
  void namesASecureApiInTheWebSocketFormToo() {
    assertThat(ContentSecurityPolicy.forApi(URI.create("https://api.moveacces.ch/")))
        .contains("connect-src 'self' https://api.moveacces.ch wss://api.moveacces.ch;");
  }

  @Test
  void cachesHashedAssetsForGoodAndRevalidatesTheRest() throws Exception {
    assertThat(cacheControl("/assets/index-Bx3k9Lq2.js"))
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(cacheControl("/assets/index-D8sPq1aZ.css"))
        .isEqualTo("public, max-age=31536000, immutable");
    for (String path :
        List.of(
            "/",
            "/index.html",
            "/sw.js",
            "/registerSW.js",
            "/workbox-5ffe50d4.js",
            "/manifest.webmanifest",
            "/app-config.json",
            "/pwa-192x192.png",
            "/abonnements/12")) {
      assertThat(cacheControl(path)).as(path).isEqualTo("no-cache");
    }
  }

  @Test
  void givesEachFileItsContentType() throws Exception {
    assertThat(contentType("/")).isEqualTo("text/html; charset=utf-8");
    assertThat(contentType("/index.html")).isEqualTo("text/html; charset=utf-8");
    assertThat(contentType("/assets/index-Bx3k9Lq2.js"))
        .isEqualTo("text/javascript; charset=utf-8");
    assertThat(contentType("/sw.js")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(contentType("/assets/index-D8sPq1aZ.css")).isEqualTo("text/css; charset=utf-8");
    assertThat(contentType("/manifest.webmanifest")).isEqualTo("application/manifest+json");
    assertThat(contentType("/app-config.json")).isEqualTo("application/json");
    assertThat(contentType("/favicon.svg")).isEqualTo("image/svg+xml");
    assertThat(contentType("/pwa-192x192.png")).isEqualTo("image/png");
    assertThat(contentType("/favicon.ico")).isEqualTo("image/x-icon");
    assertThat(contentType("/assets/roboto-latin-400-C2xm.woff2")).isEqualTo("font/woff2");
    assertThat(contentType("/robots.txt")).isEqualTo("text/plain; charset=utf-8");
    assertThat(contentType("/assets/index-Bx3k9Lq2.js.map")).isEqualTo("application/json");
  }

  @Test
  void servesTheFilesAsTheyAre() throws Exception {
    HttpResponse<String> script = get("/assets/index-Bx3k9Lq2.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).isEqualTo("console.log('app')");
    assertThat(script.headers().firstValueAsLong("Content-Length")).hasValue(18);
    assertThat(get("/?utm_source=qr").body()).isEqualTo(INDEX);
    HttpResponse<String> empty = get("/empty.txt");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).isEmpty();
  }

  @Test
  void answersADeepLinkWithTheApp() throws Exception {
    for (String path : List.of("/abonnements/12", "/profil", "/abonnements/12/")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).isEqualTo(INDEX);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/html; charset=utf-8");
    }
  }

  @Test
  void answersAMissingAssetOrFileWith404() throws Exception {
    for (String path :
        List.of("/assets/index-00000000.js", "/assets/gone", "/missing.png", "/a/b.js")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
    }
  }

  @Test
  void neverServesAFileOutsideTheBuild() throws Exception {
    String absolute = dir.resolve("mobile/secret.txt").toString();
    for (String target :
        List.of(
            "/../secret.txt",
            "/assets/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/assets/..%2f..%2fsecret.txt",
            "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/..%5csecret.txt",
            "/./index.html",
            "/%00/secret.txt",
            absolute,
            "/" + absolute,
            "/leak.txt")) {
      String answer = rawGet(target);
      assertThat(answer).as(target).doesNotContain(SECRET);
      assertThat(answer.lines().findFirst().orElse("")).as(target).matches("HTTP/1.1 (400|404) .*");
    }
  }

  @Test
  void generatesTheConfigurationWithTheApiOrigin() throws Exception {
    HttpResponse<String> config = get("/app-config.json");

    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).isEqualTo("{\"apiOrigin\":\"http://127.0.0.1:8080\"}");
  }

  @Test
  void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
    HttpResponse<String> head = send("HEAD", "/assets/index-Bx3k9Lq2.js");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(18);
    assertThat(head.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(head.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(send("HEAD", "/assets/missing-0000.js").statusCode()).isEqualTo(404);
  }

  @Test
  void refusesEveryOtherMethod() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      HttpResponse<String> response = send(method, "/index.html");
      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
    }
  }

  @Test
  void tellsABuildFromNone() throws IOException {
    assertThat(AppFiles.isBuilt(dir.resolve("mobile/dist"))).isTrue();
    assertThat(AppFiles.isBuilt(dir.resolve("elsewhere"))).isFalse();
    assertThat(AppFiles.isBuilt(Files.createDirectories(dir.resolve("half-built")))).isFalse();
  }

  @Test
  void stopsListening() throws Exception {
    int port = app.url().getPort();
    app.stop();
    app = null;

    assertThat(FreePorts.isFree(port)).isTrue();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path);
  }

  private HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(app.url().resolve(path))
            .method(
                method,
                method.equals("GET") || method.equals("HEAD")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("x"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String cacheControl(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.headers().firstValue("Cache-Control").orElseThrow();
  }

  private String contentType(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.headers().firstValue("Content-Type").orElseThrow();
  }

  /** The request target exactly as written: no client normalises it on the way. */
  private String rawGet(String target) throws IOException {
    try (Socket socket = new Socket(app.url().getHost(), app.url().getPort())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
