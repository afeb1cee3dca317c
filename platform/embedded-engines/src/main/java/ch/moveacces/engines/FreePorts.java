package ch.moveacces.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds TCP ports nobody listens on, for engines and services started side by side. The ports come
 * from below Linux's ephemeral range (32768 and up), because a port found there can be handed to
 * any outgoing connection of the machine before the engine that asked for it binds it.
 */
public final class FreePorts {

  public static final int LOWEST = 15000;
  public static final int HIGHEST = 32000;
  private static final int ATTEMPTS = 200;

  private FreePorts() {}

  public static int find() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = random.nextInt(LOWEST, HIGHEST + 1);
      if (isFree(port)) {
        return port;
      }
    }
    throw new UncheckedIOException(
        new IOException("no free TCP port between " + LOWEST + " and " + HIGHEST));
  }

  /** {@code port} itself, or a free one when it is 0. */
  public static int orFree(int port) {
    return port == 0 ? find() : port;
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
