package ch.moveacces.realtime;

import java.io.Serial;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Mono;

/**
 * The sockets this instance holds, by user, and the delivery of what is published for them. The
 * first socket of a user subscribes the user's channel, the last one unsubscribes it; both happen
 * under the map's lock for that user, so Redis sees them in the order they were decided.
 */
@Component
class Connections {

  private static final Logger log = LoggerFactory.getLogger(Connections.class);

  private final ConcurrentHashMap<String, UserSockets> byUser = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final UserChannels channels;
  private final RealtimeProperties properties;

  private static final class UserSockets {
    final List<Connection> connections = new CopyOnWriteArrayList<>();
    final CompletionStage<Void> subscribed;

    UserSockets(CompletionStage<Void> subscribed) {
      this.subscribed = subscribed;
    }
  }

  Connections(UserChannels channels, RealtimeProperties properties, RealtimeMetrics metrics) {
    this.channels = channels;
    this.properties = properties;
    channels.listen(this::deliver);
    metrics.openConnections(open::get);
  }

  /**
   * Adds a socket; completes once its user's channel is subscribed. Fails with {@link Refusal}
   * (4429) over a limit, or with Redis's error.
   */
  Mono<Void> register(Connection connection) {
    if (open.incrementAndGet() > properties.maxConnections()) {
      open.decrementAndGet();
      return Mono.error(new Refusal(CloseCodes.TOO_MANY_CONNECTIONS));
    }
    AtomicReference<CompletionStage<Void>> subscribed = new AtomicReference<>();
    byUser.compute(
        connection.userId(),
        (userId, sockets) -> {
          if (sockets == null) {
            sockets = new UserSockets(subscribe(userId));
          }
          if (sockets.connections.size() < properties.maxConnectionsPerUser()) {
            sockets.connections.add(connection);
            subscribed.set(sockets.subscribed);
          }
          return sockets;
        });
    CompletionStage<Void> joined = subscribed.get();
    if (joined == null) {
      open.decrementAndGet();
      return Mono.error(new Refusal(CloseCodes.TOO_MANY_CONNECTIONS));
    }
    return Mono.fromCompletionStage(joined);
  }

  private CompletionStage<Void> subscribe(String userId) {
    try {
      return channels.subscribe(userId);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Removes a socket; idempotent. */
  void unregister(Connection connection) {
    byUser.computeIfPresent(
        connection.userId(),
        (userId, sockets) -> {
          if (!sockets.connections.remove(connection)) {
            return sockets;
          }
          open.decrementAndGet();
          if (!sockets.connections.isEmpty()) {
            return sockets;
          }
          try {
            channels.unsubscribe(userId);
          } catch (RuntimeException e) {
            log.warn("Could not unsubscribe a user's channel: {}", e.toString());
          }
          return null;
        });
  }

  int open() {
    return open.get();
  }

  void forEach(Consumer<Connection> action) {
    byUser.values().forEach(sockets -> sockets.connections.forEach(action));
  }

  /** A message published for a user: {@code <id> <directive>\n<message>} (see UserStreams). */
  void deliver(String userId, String payload) {
    UserSockets sockets = byUser.get(userId);
    int newline = payload.indexOf('\n');
    int space = payload.indexOf(' ');
    if (sockets == null || newline < 0 || space < 0 || space > newline) {
      return;
    }
    StreamId id = StreamId.parse(payload.substring(0, space));
    if (id == null) {
      return;
    }
    String directive = payload.substring(space + 1, newline);
    String message = payload.substring(newline + 1);
    for (Connection connection : sockets.connections) {
      connection.live(id, message);
    }
    for (Connection connection : sockets.connections) {
      if (revokes(directive, connection.sessionId())) {
        connection.close(CloseCodes.SESSION_REVOKED);
      }
    }
  }

  /** Whether an event's directive ends this session (see PushableEvent). */
  static boolean revokes(String directive, @Nullable String sessionId) {
    if (directive.equals(PushableEvent.ALL_SESSIONS)) {
      return true;
    }
    if (directive.startsWith(PushableEvent.SESSION)) {
      return directive.substring(PushableEvent.SESSION.length()).equals(sessionId);
    }
    if (directive.startsWith(PushableEvent.ALL_SESSIONS_BUT)) {
      return !directive.substring(PushableEvent.ALL_SESSIONS_BUT.length()).equals(sessionId);
    }
    return false;
  }

  /** A socket refused after its upgrade, with the close code that says why. */
  static final class Refusal extends RuntimeException {

    @Serial private static final long serialVersionUID = 1L;

    private final transient CloseStatus status;

    Refusal(CloseStatus status) {
      super(status.getReason(), null, false, false);
      this.status = status;
    }

    CloseStatus status() {
      return status;
    }
  }
}
