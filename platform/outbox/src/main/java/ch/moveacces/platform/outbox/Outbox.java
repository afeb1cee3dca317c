package ch.moveacces.platform.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Appends events to this service's outbox table. The row is written through the application's
 * connection factory, so inside a {@code TransactionalOperator} or {@code @Transactional} it joins
 * the caller's transaction: the domain change and its event commit together or not at all.
 */
public final class Outbox {

  private final DatabaseClient database;
  private final OutboxTable table;
  private final RelayTrigger relay;

  Outbox(DatabaseClient database, OutboxTable table) {
    this(database, table, new RelayTrigger());
  }

  Outbox(DatabaseClient database, OutboxTable table, RelayTrigger relay) {
    this.database = database;
    this.table = table;
    this.relay = relay;
  }

  /**
   * Writes one row; completes once the database accepted it. Append after the domain change: the
   * row's id then follows the order in which the domain rows were locked, and that id is the
   * publication order of a key.
   */
  public Mono<Void> append(OutboxMessage message) {
    return database
        .sql(table.insert())
        .bind("eventId", message.eventId().toString())
        .bind("topic", message.topic())
        .bind("key", message.key())
        .bind("payload", message.payload())
        .bind("headers", HeadersJson.write(message.headers()))
        .then()
        .then(wakeRelayOnceVisible());
  }

  /** After the commit when in a transaction (before it, the relay could not see the row). */
  private Mono<Void> wakeRelayOnceVisible() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .flatMap(
            transaction -> {
              if (transaction.isSynchronizationActive()) {
                transaction.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(relay::fire);
                      }
                    });
              } else {
                relay.fire();
              }
              return Mono.<Void>empty();
            })
        .onErrorResume(NoTransactionException.class, outsideAny -> Mono.fromRunnable(relay::fire));
  }
}
