package ch.moveacces.audit.recording;

import ch.moveacces.audit.recording.Recording.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code audit.events} by outcome, for dashboards and alerts: {@code recorded}, {@code flagged}
 * (recorded although it breaks its schema: a producer to fix, or a forged event), {@code duplicate}
 * (a redelivery, harmless) and {@code dead-letter} (the trail misses it until it is replayed); and
 * {@code audit.retries}, failed tries that will be tried again (the trail is held up, not missing
 * anything).
 */
@Component
class RecordingMetrics {

  private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
  private final Counter deadLetters;
  private final Counter retries;

  RecordingMetrics(MeterRegistry registry) {
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome, counter(registry, outcome.name().toLowerCase(Locale.ROOT)));
    }
    this.deadLetters = counter(registry, "dead-letter");
    this.retries =
        Counter.builder("audit.retries")
            .description(
                "Tries to store an event that failed for a reason other than the event and will be"
                    + " tried again")
            .register(registry);
  }

  void count(Outcome outcome) {
    outcomes.get(outcome).increment();
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
