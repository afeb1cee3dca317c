package ch.moveacces.platform.outbox;

import java.time.Duration;

/** Exponential backoff: {@code initial × 2^(attempts − 1)}, never above {@code max}. */
record Backoff(Duration initial, Duration max) {

  /** The wait before the next try of a row that has now failed {@code attempts} times. */
  Duration after(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
