package ch.moveacces.audit.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code audit.events} by outcome, for dashboards and alerts: {@code recorded}, {@code duplicate}
 * (a redelivery, harmless) and {@code dead-letter} (the trail misses it until it is replayed); and
 * {@code audit.retries}, failed tries that will be tried again (the trail is held up, not missing
 * anything).
 */
@Component
class RecordingMetrics {

  private final Counter recorded;
  private final Counter duplicates;
  private final Counter deadLetters;
  private final Counter retries;

  RecordingMetrics(MeterRegistry registry) {
    this.recorded = counter(registry, "recorded");
    this.duplicates = counter(registry, "duplicate");
    this.deadLetters = counter(registry, "dead-letter");
    this.retries =
        Counter.builder("audit.retries")
            .description(
                "Tries to store an event that failed for a reason other than the event and will be"
                    + " tried again")
            .register(registry);
  }

  void recorded(boolean appended) {
    (appended ? recorded : duplicates).increment();
  }

  void deadLettered() {
    deadLetters.increment();
  }

  void retried() {
    retries.increment();
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("audit.events")
        .description("Events taken from Kafka by the audit trail, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
