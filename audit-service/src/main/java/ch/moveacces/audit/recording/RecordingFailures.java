package ch.moveacces.audit.recording;

import ch.moveacces.platform.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a record the trail cannot take.
 *
 * <p>Poison, a record that no retry can help, goes to {@code audit-service.dlt} at once: one that
 * is no parseable event ({@link UnreadableEvent}; an event that merely breaks its schema is
 * recorded, flagged) or one the table refuses for its values ({@link RefusedEvent}). Its error
 * travels in the dead-letter headers and the consumer goes on with the next record.
 *
 * <p>Any other failure says nothing against the record: the database down or unreachable, a
 * connection lost, a timeout, a missing grant. The record is tried again, a little later each time
 * up to {@link #MAX_INTERVAL} apart, for as long as it takes, and its offset is not committed: its
 * partition waits (the group's lag grows) and goes on from that record once the cause is gone. A
 * dead letter would keep it out of the trail until someone replays it by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterSettings.class)
class RecordingFailures {

  static final String DEAD_LETTER_TOPIC = Topics.deadLetter(EventRecorder.GROUP);
  static final Duration FIRST_INTERVAL = Duration.ofMillis(500);
  static final Duration MAX_INTERVAL = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(RecordingFailures.class);

  @Bean
  CommonErrorHandler recordingErrorHandler(
      KafkaOperations<Object, Object> kafka, RecordingMetrics metrics) {
    // partition -1: Kafka picks it, so the dead-letter topic needs no more partitions than it has
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            kafka, (record, error) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, error) -> {
              deadLetters.accept(record, error);
              metrics.deadLettered();
            },
            untilItPasses());
    handler.addNotRetryableExceptions(UnreadableEvent.class, RefusedEvent.class);
    // the handler reports poison here too, just before it is dead-lettered
    // an outage shows several symptoms in turn (reset, refused, timed out): one growing backoff
    // through all of them, not a fresh one at each change
    handler.setResetStateOnExceptionChange(false);
    handler.setRetryListeners(new WaitingForTheStore(metrics));
    return handler;
  }

  @Bean
  NewTopic deadLetterTopic(DeadLetterSettings settings) {
    return TopicBuilder.name(DEAD_LETTER_TOPIC)
        .config(
            TopicConfig.RETENTION_MS_CONFIG,
            String.valueOf(settings.deadLetterRetention().toMillis()))
        .build();
  }

  /**
   * Doubling from {@link #FIRST_INTERVAL} up to {@link #MAX_INTERVAL}; no limit of tries or time.
   */
  static BackOff untilItPasses() {
    ExponentialBackOff backOff = new ExponentialBackOff(FIRST_INTERVAL.toMillis(), 2.0);
    backOff.setMaxInterval(MAX_INTERVAL.toMillis());
    backOff.setMaxAttempts(Long.MAX_VALUE);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return backOff;
  }

  /** One line and one count per failed try that will be tried again. */
  private static final class WaitingForTheStore implements RetryListener {

    private final RecordingMetrics metrics;

    WaitingForTheStore(RecordingMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception error, int attempt) {
      if (isPoison(error)) {
        return;
      }
      metrics.retried();
      log.warn(
          "Try {} to record {}-{}@{} failed, trying again: {}",
          attempt,
          record.topic(),
          record.partition(),
          record.offset(),
          rootMessage(error));
    }

    private static boolean isPoison(Throwable error) {
      for (Throwable cause = error; cause != null; cause = cause.getCause()) {
        if (cause instanceof UnreadableEvent || cause instanceof RefusedEvent) {
          return true;
        }
        for (Class<? extends Throwable> fatal : ExceptionClassifier.defaultFatalExceptionsList()) {
          if (fatal.isInstance(cause)) {
            return true;
          }
        }
      }
      return false;
    }

    private static String rootMessage(Throwable error) {
      Throwable root = error;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
  }
}
