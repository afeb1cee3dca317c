package ch.moveacces.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A plain HTTP server standing in for the services behind the gateway: it answers every request
 * with the path it saw and remembers each request. Under {@code /auth/} it answers as a cacheable
 * response would, so that tests see the gateway override it; on a path ending in {@code /hang-up}
 * it closes the connection without answering. A request's {@code X-Stand-In-Set-Cookie} comes back
 * as the response's {@code Set-Cookie}.
 */
final class StandInService implements AutoCloseable {

  record Request(
      String method, String path, Map<String, List<String>> headers, byte[] body, String id) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }

    String traceparent() {
      return header("traceparent");
    }
  }

  private final HttpServer server;
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

  private StandInService(HttpServer server) {
    this.server = server;
  }

  static StandInService start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      StandInService service = new StandInService(server);
      server.createContext("/", service::answer);
      server.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The request a test marked with a query parameter {@code id}. */
  Request request(String id) {
    return requests.stream()
        .filter(request -> id.equals(request.id()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no request with id " + id + " reached the service"));
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    String id = query != null && query.startsWith("id=") ? query.substring(3) : null;
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
    byte[] received;
    try (InputStream in = exchange.getRequestBody()) {
      received = in.readAllBytes();
    }
    requests.add(new Request(exchange.getRequestMethod(), path, headers, received, id));
    if (path.endsWith("/hang-up")) {
      // Closes the connection without an answer: a service that fails after it was reached.
      exchange.close();
      return;
    }
    byte[] body =
        ("{\"servedPath\":\"" + path + "\",\"bodyLength\":" + received.length + "}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    String setCookie = exchange.getRequestHeaders().getFirst("X-Stand-In-Set-Cookie");
    if (setCookie != null) {
      exchange.getResponseHeaders().add("Set-Cookie", setCookie);
    }
    if (path.startsWith("/auth/")) {
      exchange.getResponseHeaders().add("Cache-Control", "public, max-age=600");
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
