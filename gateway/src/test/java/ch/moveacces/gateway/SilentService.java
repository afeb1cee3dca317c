package ch.moveacces.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** A service that takes every connection and request and never answers: a hung backend. */
final class SilentService implements AutoCloseable {

  private final HttpServer server;

  private SilentService(HttpServer server) {
    this.server = server;
  }

  static SilentService start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {});
      server.start();
      return new SilentService(server);
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
  }
}
