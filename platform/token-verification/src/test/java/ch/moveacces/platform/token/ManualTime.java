package ch.moveacces.platform.token;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock and a cache ticker that move only when a test says so, both by the same amount. */
final class ManualTime extends Clock implements Ticker {

  private final Instant start = Instant.now();
  private final AtomicReference<Duration> elapsed = new AtomicReference<>(Duration.ZERO);

  void advance(Duration duration) {
    elapsed.updateAndGet(d -> d.plus(duration));
  }

  @Override
  public Instant instant() {
    return start.plus(elapsed.get());
  }

  @Override
  public long read() {
    return elapsed.get().toNanos();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
