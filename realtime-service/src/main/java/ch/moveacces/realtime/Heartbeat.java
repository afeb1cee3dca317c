package ch.moveacces.realtime;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * One timer for every socket of the instance (no task per connection): each second it pings the
 * sockets whose last ping is {@code ping-interval} old, closes those silent for {@code
 * idle-timeout} (4000) and those whose token has expired (4408). At shutdown it closes every socket
 * with 1001, before the web server stops, so that clients reconnect elsewhere.
 */
@Component
class Heartbeat implements SmartLifecycle {

  private final Connections connections;
  private final Duration tick;
  private final long pingNanos;
  private final long idleNanos;
  private final Clock clock = Clock.systemUTC();
  private @Nullable Disposable timer;

  Heartbeat(Connections connections, RealtimeProperties properties) {
    this.connections = connections;
    Duration ping = properties.pingInterval();
    this.tick = ping.compareTo(Duration.ofSeconds(1)) < 0 ? ping : Duration.ofSeconds(1);
    this.pingNanos = ping.toNanos();
    this.idleNanos = properties.idleTimeout().toNanos();
  }

  void sweep() {
    long nowMillis = clock.millis();
    long nowNanos = System.nanoTime();
    connections.forEach(
        connection -> {
          if (connection.isClosed()) {
            return;
          }
          if (connection.expiresAtMillis() <= nowMillis) {
            connection.close(CloseCodes.TOKEN_EXPIRED);
          } else if (nowNanos - connection.lastSeenNanos() >= idleNanos) {
            connection.close(CloseCodes.IDLE);
          } else if (nowNanos - connection.lastPingNanos() >= pingNanos) {
            connection.ping();
          }
        });
  }

  @Override
  public synchronized void start() {
    if (timer == null) {
      timer =
          Flux.interval(tick, tick, Schedulers.single())
              .onBackpressureDrop()
              .subscribe(ignored -> sweep());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.dispose();
      timer = null;
    }
    connections.forEach(connection -> connection.close(CloseCodes.GOING_AWAY));
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
