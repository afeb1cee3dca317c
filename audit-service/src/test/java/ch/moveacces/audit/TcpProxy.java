package ch.moveacces.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server that a test can {@link #cut()} and {@link #restore()}, so that
 * the clients behind it see a real outage of that server (connections reset, new ones refused)
 * while the server itself, shared by other tests, keeps running.
 */
public final class TcpProxy implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final InetSocketAddress target;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final int port;
  private ServerSocket listener;

  private TcpProxy(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
    this.port = listener.getLocalPort();
    acceptOn(listener);
  }

  /** Relays a free port of the loopback interface to {@code host:port}. */
  public static TcpProxy start(String host, int port) {
    return new TcpProxy(new InetSocketAddress(host, port), listen(0));
  }

  public int port() {
    return port;
  }

  /** Refuses new connections and resets every open one, until {@link #restore()}. */
  public synchronized void cut() {
    if (listener == null) {
      return;
    }
    closeQuietly(listener);
    listener = null;
    for (Socket connection : connections) {
      reset(connection);
    }
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() {
    if (listener == null) {
      listener = listen(port);
      acceptOn(listener);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      // the port must be bindable again at once, whatever connections linger in TIME_WAIT
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not listen on port " + port, e);
    }
  }

  private void acceptOn(ServerSocket socket) {
    Thread.ofVirtual()
        .name("tcp-proxy-accept-" + port)
        .start(
            () -> {
              while (!socket.isClosed()) {
                try {
                  relay(socket.accept(), socket);
                } catch (IOException closed) {
                  return;
                }
              }
            });
  }

  private void relay(Socket client, ServerSocket acceptedOn) {
    Socket server = new Socket();
    try {
      server.connect(target, CONNECT_TIMEOUT_MILLIS);
    } catch (IOException unreachable) {
      reset(client);
      closeQuietly(server);
      return;
    }
    connections.add(client);
    connections.add(server);
    if (acceptedOn.isClosed()) {
      // cut while this connection was being opened: it must not outlive the cut
      connections.remove(client);
      connections.remove(server);
      reset(client);
      reset(server);
      return;
    }
    pump(client, server);
    pump(server, client);
  }

  private void pump(Socket from, Socket to) {
    Thread.ofVirtual()
        .name("tcp-proxy-pump-" + port)
        .start(
            () -> {
              try {
                from.getInputStream().transferTo(to.getOutputStream());
              } catch (IOException ended) {
                // one side went away: the other goes too
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                connections.remove(from);
                connections.remove(to);
              }
            });
  }

  /** Closes with a reset (linger 0), as a crashed or unreachable server leaves its peer. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException alreadyClosed) {
      // nothing left to reset
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing is all that is wanted; a second close has nothing to report
    }
  }
}
