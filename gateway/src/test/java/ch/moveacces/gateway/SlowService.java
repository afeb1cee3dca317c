package ch.moveacces.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A service that answers every request with 200, but only after {@code delay}. */
final class SlowService implements AutoCloseable {

  private final HttpServer server;
  private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();

  private SlowService(HttpServer server) {
    this.server = server;
  }

  static SlowService answeringAfter(Duration delay) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      SlowService service = new SlowService(server);
      server.createContext(
          "/",
          exchange ->
              service.answers.schedule(
                  () -> {
                    byte[] body = "{\"slow\":true}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                    return null;
                  },
                  delay.toMillis(),
                  TimeUnit.MILLISECONDS));
      server.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    answers.shutdownNow();
  }
}
