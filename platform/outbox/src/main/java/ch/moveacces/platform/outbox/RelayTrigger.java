package ch.moveacces.platform.outbox;

import org.jspecify.annotations.Nullable;

/**
 * Lets an append wake this instance's relay as soon as its transaction commits, so that an event
 * waits for Kafka, not for the next poll. The poll stays: other instances' appends, and rows whose
 * backoff ends, are found by it.
 */
final class RelayTrigger {

  private volatile @Nullable Runnable relay;

  void connect(Runnable relay) {
    this.relay = relay;
  }

  void fire() {
    Runnable target = relay;
    if (target != null) {
      target.run();
    }
  }
}
