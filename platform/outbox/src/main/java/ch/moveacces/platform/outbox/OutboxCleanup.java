package ch.moveacces.platform.outbox;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Deletes sent rows older than the retention period, a bounded chunk per statement. */
final class OutboxCleanup {

  static final int CHUNK = 1_000;

  private final DatabaseClient database;
  private final OutboxTable table;
  private final Duration retention;

  OutboxCleanup(DatabaseClient database, OutboxTable table, Duration retention) {
    this.database = database;
    this.table = table;
    this.retention = retention;
  }

  /** One chunk; emits whether it was full, i.e. more rows are probably due. */
  Mono<Boolean> deleteChunk() {
    return database
        .sql(table.deleteSentBefore())
        .bind("retentionMicros", retention.toNanos() / 1_000)
        .bind("limit", CHUNK)
        .fetch()
        .rowsUpdated()
        .map(deleted -> deleted >= CHUNK);
  }
}
