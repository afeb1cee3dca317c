package ch.moveacces.platform.outbox;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes pending rows. Each batch is one transaction: lock the oldest due rows (rows another
 * instance holds are skipped), publish them key by key in id order, mark the acknowledged ones sent
 * and the failed ones for a later retry. A row is marked only after Kafka acknowledged it, so a
 * crash in between publishes it again: delivery is at least once.
 */
final class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private static final int MAX_ERROR_LENGTH = 1000;
  // Keys are independent; this bounds how many are in flight at once within one batch.
  static final int KEYS_IN_PARALLEL = 16;

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final OutboxTable table;
  private final KafkaPublisher publisher;
  private final Backoff backoff;
  private final int batchSize;
  private final OutboxMetrics metrics;

  OutboxRelay(
      DatabaseClient database,
      TransactionalOperator transaction,
      OutboxTable table,
      KafkaPublisher publisher,
      Backoff backoff,
      int batchSize,
      OutboxMetrics metrics) {
    this.database = database;
    this.transaction = transaction;
    this.table = table;
    this.publisher = publisher;
    this.backoff = backoff;
    this.batchSize = batchSize;
    this.metrics = metrics;
  }

  /**
   * A transaction definition for the relay: READ COMMITTED, so that the per-key check sees what
   * other relays committed a moment ago, and no gap locks hold up appends.
   */
  static TransactionDefinition definition() {
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
    definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    definition.setName("outbox-relay");
    return definition;
  }

  /** One batch; emits whether the batch was full, i.e. more rows are probably due. */
  Mono<Boolean> relayBatch() {
    return lockDue()
        .collectList()
        .flatMap(
            batch ->
                batch.isEmpty()
                    ? Mono.just(false)
                    : publishAndMark(batch).thenReturn(batch.size() >= batchSize))
        .as(transaction::transactional);
  }

  private Flux<PendingRow> lockDue() {
    return database
        .sql(table.lockDue())
        .bind("limit", batchSize)
        .map(OutboxRelay::pendingRow)
        .all();
  }

  private static PendingRow pendingRow(Readable row) {
    String headers = row.get("headers", String.class);
    Integer attempts = row.get("attempts", Integer.class);
    return new PendingRow(
        row.get("id", Long.class),
        row.get("event_id", String.class),
        row.get("topic", String.class),
        row.get("msg_key", String.class),
        row.get("payload", String.class),
        headers == null ? Map.of() : HeadersJson.read(headers),
        attempts == null ? 0 : attempts);
  }

  private Mono<Void> publishAndMark(List<PendingRow> batch) {
    AtomicBoolean kafkaUnanswered = new AtomicBoolean();
    return oldestUnsentPerKey(batch)
        .map(oldest -> KeyOrder.publishable(batch, oldest))
        .flatMapMany(byKey -> Flux.fromIterable(byKey.values()))
        .flatMap(rows -> publishInOrder(rows, kafkaUnanswered), KEYS_IN_PARALLEL)
        .collectList()
        .flatMap(this::mark);
  }

  private Mono<Map<String, Long>> oldestUnsentPerKey(List<PendingRow> batch) {
    List<String> keys = batch.stream().map(PendingRow::key).distinct().toList();
    return database
        .sql(table.oldestUnsentPerKey())
        .bind("keys", keys)
        .map(row -> Map.entry(row.get("msg_key", String.class), row.get("first_id", Long.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
  }

  /**
   * The rows of one key, one after the other; the first failure leaves the rest for later. Once
   * Kafka has not answered within the send timeout, no further record of the batch is tried: each
   * would wait out the same timeout while the batch holds its rows locked.
   */
  private Flux<Outcome> publishInOrder(List<PendingRow> rows, AtomicBoolean kafkaUnanswered) {
    return Flux.fromIterable(rows)
        .concatMap(
            row ->
                kafkaUnanswered.get()
                    ? Mono.<Outcome>empty()
                    : publisher
                        .publish(row)
                        .thenReturn(Outcome.sent(row))
                        .onErrorResume(
                            error -> {
                              if (error instanceof TimeoutException) {
                                kafkaUnanswered.set(true);
                              }
                              return Mono.just(Outcome.failed(row, error));
                            }))
        .takeUntil(Outcome::isFailure);
  }

  private Mono<Void> mark(List<Outcome> outcomes) {
    List<Long> sent = new ArrayList<>();
    List<Outcome> failed = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.isFailure()) {
        failed.add(outcome);
      } else {
        sent.add(outcome.row().id());
      }
    }
    Mono<Void> markSent =
        sent.isEmpty()
            ? Mono.empty()
            : database.sql(table.markSent()).bind("ids", sent).fetch().rowsUpdated().then();
    Mono<Void> markFailed = Flux.fromIterable(failed).concatMap(this::markFailed).then();
    return markSent
        .then(markFailed)
        .doOnSuccess(
            done -> {
              metrics.published(sent.size());
              metrics.failed(failed.size());
              if (!failed.isEmpty()) {
                log.warn(
                    "{} outbox rows of {} not published, each retried after its backoff: {}",
                    failed.size(),
                    table.name(),
                    describe(failed.getFirst().error()));
              }
            });
  }

  private Mono<Long> markFailed(Outcome failure) {
    PendingRow row = failure.row();
    return database
        .sql(table.markFailed())
        .bind("error", describe(failure.error()))
        .bind("delayMicros", backoff.after(row.attempts() + 1).toNanos() / 1_000)
        .bind("id", row.id())
        .fetch()
        .rowsUpdated();
  }

  private static String describe(@Nullable Throwable error) {
    if (error == null) {
      return "";
    }
    String text = error.getClass().getName() + ": " + error.getMessage();
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }

  private record Outcome(PendingRow row, @Nullable Throwable error) {

    static Outcome sent(PendingRow row) {
      return new Outcome(row, null);
    }

    static Outcome failed(PendingRow row, Throwable error) {
      return new Outcome(row, error);
    }

    boolean isFailure() {
      return error != null;
    }
  }
}
