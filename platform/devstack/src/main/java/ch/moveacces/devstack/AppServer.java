package ch.moveacces.devstack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The members' app, served from its build output as production serves it: the production headers
 * (Content-Security-Policy naming the API's origin, nosniff, no referrer, a browsing context of its
 * own), hashed assets cached for good and everything else revalidated, a deep link answered with
 * index.html, and {@code /app-config.json} generated, so that the app learns the API's origin at
 * run time rather than from its build.
 */
final class AppServer {

  static final String CONFIG_PATH = "/app-config.json";

  /** A developer's browser or a test, a few requests at a time: no need for more. */
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AppFiles files;
  private final URI url;
  private final String contentSecurityPolicy;
  private final byte[] config;

  private AppServer(
      HttpServer server, ExecutorService executor, AppFiles files, URI url, URI apiOrigin) {
    this.server = server;
    this.executor = executor;
    this.files = files;
    this.url = url;
    this.contentSecurityPolicy = ContentSecurityPolicy.forApi(apiOrigin);
    this.config =
        ("{\"apiOrigin\":\"" + ContentSecurityPolicy.origin(apiOrigin) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Serves {@code dist} on {@code host}:{@code port} (0: any free port) until {@link #stop()}; the
   * app talks to the API at {@code apiOrigin}.
   */
  static AppServer start(Path dist, String host, int port, URI apiOrigin) throws IOException {
    AppFiles files = new AppFiles(dist);
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            task ->
                Thread.ofPlatform()
                    .name("app-server-" + threads.incrementAndGet())
                    .daemon()
                    .unstarted(task));
    URI url = URI.create("http://" + host + ":" + server.getAddress().getPort());
    AppServer app = new AppServer(server, executor, files, url, apiOrigin);
    server.createContext("/", app::handle);
    server.setExecutor(executor);
    server.start();
    return app;
  }

  /** The app's origin: {@code http://127.0.0.1:8086}. */
  URI url() {
    return url;
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Security-Policy", contentSecurityPolicy);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("Cross-Origin-Opener-Policy", "same-origin");
      headers.set("Cache-Control", AppFiles.NO_CACHE);
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        headers.set("Allow", "GET, HEAD");
        text(exchange, 405, "method not allowed");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (CONFIG_PATH.equals(path)) {
        headers.set("Content-Type", "application/json");
        send(exchange, 200, config);
        return;
      }
      Optional<Path> file;
      String cacheControl;
      try {
        file = files.find(path);
        cacheControl = files.cacheControl(path);
      } catch (AppFiles.BadPath e) {
        text(exchange, 400, "bad request");
        return;
      }
      if (file.isEmpty()) {
        text(exchange, 404, "not found");
        return;
      }
      headers.set("Cache-Control", cacheControl);
      headers.set("Content-Type", AppFiles.contentType(file.get()));
      sendFile(exchange, file.get());
    }
  }

  private static void text(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (sendHeaders(exchange, status, body.length)) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void sendFile(HttpExchange exchange, Path file) throws IOException {
    if (sendHeaders(exchange, 200, Files.size(file))) {
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    }
  }

  /**
   * Sends the status line and headers with the body's length, and whether a body follows: none for
   * HEAD (its length still given, as GET would) or an empty one.
   */
  private static boolean sendHeaders(HttpExchange exchange, int status, long length)
      throws IOException {
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
      exchange.sendResponseHeaders(status, -1);
      return false;
    }
    // 0 would mean "chunked" to HttpServer, -1 "no body"
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    return length > 0;
  }
}
