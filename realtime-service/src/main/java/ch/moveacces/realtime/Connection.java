package ch.moveacces.realtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One socket: its grant, its bounded send buffer and the order of its messages. Live messages,
 * replays and control messages are all queued here under the connection's lock, so they leave in
 * one order; a full buffer closes the socket as a slow consumer instead of growing.
 *
 * <p>Order: every event message leaves with a larger id than the one before it. A {@code resume}
 * buffers live messages while its replay is read, then sends the replay and the buffered messages
 * whose ids are larger than the last one sent.
 */
final class Connection {

  private final String userId;
  private final String sessionId;
  private final int capacity;
  private final Sinks.Many<Outgoing> outbound;
  private final Consumer<CloseStatus> closer;
  private final Runnable onDrop;

  private volatile long expiresAtMillis;
  private volatile long lastSeenNanos;
  private volatile long lastPingNanos;
  private volatile boolean closed;

  private @Nullable StreamId floor;
  private @Nullable List<Entry> pending;

  record Entry(StreamId id, String message) {}

  Connection(Grant grant, int capacity, Consumer<CloseStatus> closer, Runnable onDrop) {
    this.userId = grant.userId();
    this.sessionId = grant.sessionId();
    this.expiresAtMillis = grant.expiresAt().toEpochMilli();
    this.capacity = capacity;
    this.outbound =
        Sinks.many().unicast().onBackpressureBuffer(Queues.<Outgoing>get(capacity).get());
    this.closer = closer;
    this.onDrop = onDrop;
    long now = System.nanoTime();
    this.lastSeenNanos = now;
    this.lastPingNanos = now;
  }

  String userId() {
    return userId;
  }

  String sessionId() {
    return sessionId;
  }

  Flux<Outgoing> outbound() {
    return outbound.asFlux();
  }

  boolean isClosed() {
    return closed;
  }

  long expiresAtMillis() {
    return expiresAtMillis;
  }

  void extend(Instant expiresAt) {
    this.expiresAtMillis = expiresAt.toEpochMilli();
  }

  void seen() {
    lastSeenNanos = System.nanoTime();
  }

  long lastSeenNanos() {
    return lastSeenNanos;
  }

  long lastPingNanos() {
    return lastPingNanos;
  }

  void ping() {
    lastPingNanos = System.nanoTime();
    send(Outgoing.PING);
  }

  void sendText(String json) {
    send(new Outgoing.Text(json));
  }

  /** A message published for this user: sent unless a resume is reading its replay. */
  synchronized void live(StreamId id, String message) {
    if (closed) {
      return;
    }
    if (pending != null) {
      pending.add(new Entry(id, message));
      if (pending.size() > capacity) {
        onDrop.run();
        close(CloseCodes.SLOW_CONSUMER);
      }
      return;
    }
    if (floor != null && id.compareTo(floor) <= 0) {
      return;
    }
    floor = id;
    send(new Outgoing.Text(message));
  }

  /** Starts a resume; false when one is already running. */
  synchronized boolean startResume() {
    if (pending != null) {
      return false;
    }
    pending = new ArrayList<>();
    return true;
  }

  /** Ends a resume with the entries after {@code lastId}, then what arrived meanwhile. */
  synchronized void resumed(StreamId lastId, List<Entry> replay) {
    List<String> batch = new ArrayList<>(replay.size() + (pending == null ? 0 : pending.size()));
    floor = lastId;
    for (Entry entry : replay) {
      addAfterFloor(batch, entry);
    }
    flushPending(batch);
    if (!batch.isEmpty()) {
      send(new Outgoing.Batch(batch));
    }
  }

  /** Ends a resume that cannot be served: the client must reload its state. */
  synchronized void resyncRequired(String message) {
    send(new Outgoing.Text(message));
    floor = null;
    List<String> batch = new ArrayList<>();
    flushPending(batch);
    if (!batch.isEmpty()) {
      send(new Outgoing.Batch(batch));
    }
  }

  private void flushPending(List<String> batch) {
    List<Entry> buffered = pending;
    pending = null;
    if (buffered != null) {
      for (Entry entry : buffered) {
        addAfterFloor(batch, entry);
      }
    }
  }

  private void addAfterFloor(List<String> batch, Entry entry) {
    if (floor == null || entry.id().compareTo(floor) > 0) {
      floor = entry.id();
      batch.add(entry.message());
    }
  }

  private synchronized void send(Outgoing message) {
    if (closed) {
      return;
    }
    Sinks.EmitResult result = outbound.tryEmitNext(message);
    if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
      onDrop.run();
      close(CloseCodes.SLOW_CONSUMER);
    }
  }

  /** Closes once: the first reason wins. */
  void close(CloseStatus status) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      pending = null;
    }
    closer.accept(status);
  }

  /** Ends the send flux once the socket is gone, so that nothing stays queued. */
  void terminate() {
    synchronized (this) {
      closed = true;
      pending = null;
    }
    outbound.tryEmitComplete();
  }
}
