package ch.moveacces.audit.recording;

import ch.moveacces.platform.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a record the trail cannot take: an unreadable one goes to {@code
 * audit-service.dlt} at once; one that cannot be stored is tried three times, a second apart, then
 * goes there too. Either way its error travels in the dead-letter headers and the consumer goes on
 * with the next record.
 */
@Configuration(proxyBeanMethods = false)
class RecordingFailures {

  static final String DEAD_LETTER_TOPIC = Topics.deadLetter(EventRecorder.GROUP);

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
            new FixedBackOff(1_000, 2)); // two retries after the first try
    handler.addNotRetryableExceptions(UnreadableEvent.class);
    return handler;
  }

  @Bean
  NewTopic deadLetterTopic() {
    return TopicBuilder.name(DEAD_LETTER_TOPIC).build();
  }
}
