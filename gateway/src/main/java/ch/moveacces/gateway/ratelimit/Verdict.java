package ch.moveacces.gateway.ratelimit;

/** The answer of the window for one request: allowed or not, what is left, when a slot frees. */
record Verdict(boolean allowed, long remaining, long resetMillis) {

  /** Whole seconds, rounded up: a client that waits this long finds room again. */
  long resetSeconds() {
    return Math.max(1, (resetMillis + 999) / 1000);
  }
}
