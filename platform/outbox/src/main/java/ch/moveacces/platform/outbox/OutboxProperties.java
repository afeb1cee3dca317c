package ch.moveacces.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code moveacces.outbox.*}.
 *
 * @param table this service's outbox table, e.g. {@code outbox_auth}
 * @param relayEnabled whether this instance relays rows to Kafka (appending always works)
 * @param pollInterval pause between two relay batches when the last one was not full
 * @param batchSize rows locked and published per relay transaction
 * @param sendTimeout how long one record may take to be acknowledged before it counts as failed
 * @param initialBackoff wait before the first retry of a failed row; doubles per attempt
 * @param maxBackoff the longest wait between two attempts of a row
 * @param retention how long sent rows are kept
 * @param cleanupInterval pause between two deletions of sent rows past retention
 * @param metricsInterval how often the pending count and lag are read from the table
 */
@ConfigurationProperties("moveacces.outbox")
public record OutboxProperties(
    String table,
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("150ms") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("5m") Duration maxBackoff,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("1h") Duration cleanupInterval,
    @DefaultValue("5s") Duration metricsInterval) {

  public OutboxProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException("moveacces.outbox.batch-size must be at least 1");
    }
  }
}
