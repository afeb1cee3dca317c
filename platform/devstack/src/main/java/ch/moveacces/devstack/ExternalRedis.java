package ch.moveacces.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A Redis given with {@code --redis}, checked before anything starts: without it the gateway and
 * auth-service would start and then refuse every login, which says nothing about the cause.
 */
final class ExternalRedis {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

  private ExternalRedis() {}

  static void requireAnswer(String address) {
    requireAnswer(address, ANSWER_WITHIN);
  }

  /** Sends PING in Redis's own protocol and expects {@code +PONG}, or an error asking for AUTH. */
  static void requireAnswer(String address, Duration within) {
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    int port = Integer.parseInt(address.substring(colon + 1));
    long deadline = System.nanoTime() + within.toNanos();
    IOException last = null;
    do {
      try (Socket socket = new Socket()) {
        int millis = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        socket.connect(new InetSocketAddress(host, port), millis);
        socket.setSoTimeout(millis);
        OutputStream out = socket.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        int first = in.read();
        if (first == '+' || first == '-') {
          return;
        }
        last = new IOException("not a Redis answer");
      } catch (IOException e) {
        last = e;
      }
      pause();
    } while (System.nanoTime() - deadline < 0);
    throw new IllegalStateException(
        "no Redis answers at " + address + " (--redis) within " + within.toMillis() + " ms", last);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reaching Redis", e);
    }
  }
}
