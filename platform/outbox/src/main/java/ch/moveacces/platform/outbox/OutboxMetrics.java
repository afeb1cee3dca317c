package ch.moveacces.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@code outbox.pending}, {@code outbox.lag}, {@code outbox.published} and {@code outbox.failures},
 * tagged with the table. The gauges read figures refreshed from the table in the background,
 * because a scrape must not wait on the database.
 */
final class OutboxMetrics {

  private final DatabaseClient database;
  private final OutboxTable table;
  private final LongSupplier nanoClock;
  private final Counter published;
  private final Counter failures;
  private volatile Snapshot snapshot = new Snapshot(0, 0, 0);

  OutboxMetrics(DatabaseClient database, OutboxTable table, MeterRegistry registry) {
    this(database, table, registry, System::nanoTime);
  }

  OutboxMetrics(
      DatabaseClient database, OutboxTable table, MeterRegistry registry, LongSupplier nanoClock) {
    this.database = database;
    this.table = table;
    this.nanoClock = nanoClock;
    Tags tags = Tags.of("table", table.name());
    Gauge.builder("outbox.pending", this, OutboxMetrics::pending)
        .description("Outbox rows not yet published")
        .tags(tags)
        .register(registry);
    Gauge.builder("outbox.lag", this, OutboxMetrics::lagSeconds)
        .description("Age of the oldest unpublished outbox row")
        .baseUnit("seconds")
        .tags(tags)
        .register(registry);
    published =
        Counter.builder("outbox.published")
            .description("Outbox rows published to Kafka")
            .tags(tags)
            .register(registry);
    failures =
        Counter.builder("outbox.failures")
            .description("Failed attempts to publish an outbox row")
            .tags(tags)
            .register(registry);
  }

  /** Reads the pending count and the oldest row's age; emits false (never more work at once). */
  Mono<Boolean> refresh() {
    return database
        .sql(table.pendingStats())
        .map(
            row ->
                new Snapshot(
                    row.get("pending", Long.class),
                    orZero(row.get("lag_micros", Long.class)),
                    nanoClock.getAsLong()))
        .one()
        .doOnNext(fresh -> snapshot = fresh)
        .thenReturn(false);
  }

  double pending() {
    return snapshot.pending();
  }

  /** The oldest row keeps ageing between two refreshes. */
  double lagSeconds() {
    Snapshot current = snapshot;
    if (current.pending() == 0) {
      return 0;
    }
    long sinceRefresh = nanoClock.getAsLong() - current.readAtNanos();
    return (current.lagMicros() * 1_000 + sinceRefresh) / 1e9;
  }

  void published(int rows) {
    published.increment(rows);
  }

  void failed(int rows) {
    failures.increment(rows);
  }

  private static long orZero(@Nullable Long value) {
    return value == null ? 0 : value;
  }

  private record Snapshot(long pending, long lagMicros, long readAtNanos) {}
}
