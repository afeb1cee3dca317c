package ch.moveacces.platform.token.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JWK set endpoint on a free local port, playing auth-service's {@code /.well-known/jwks.json}:
 * it publishes the public parts of the keys it is given, and counts how often it is asked.
 */
public final class JwkSetServer implements AutoCloseable {

  public static final String PATH = "/.well-known/jwks.json";

  private final HttpServer server;
  private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet());
  private final AtomicInteger fetches = new AtomicInteger();

  private JwkSetServer(HttpServer server) {
    this.server = server;
  }

  public static JwkSetServer start(JWK... keys) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      JwkSetServer jwks = new JwkSetServer(server);
      jwks.publish(keys);
      server.createContext(
          PATH,
          exchange -> {
            jwks.fetches.incrementAndGet();
            byte[] body = jwks.published.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return jwks;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** Publishes these keys (public parts only) in place of the ones before. */
  public void publish(JWK... keys) {
    published.set(new JWKSet(List.of(keys)).toPublicJWKSet());
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  public int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
