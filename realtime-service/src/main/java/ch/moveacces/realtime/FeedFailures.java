package ch.moveacces.realtime;

import ch.moveacces.platform.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that is no valid event goes to {@code realtime-service.dlt} at once. One that cannot be
 * appended (Redis away) is tried again, backing off up to 10 s, for five minutes: the partition
 * waits, so a member's events stay in order. After that it is dead-lettered too (counted in {@code
 * realtime_events_total{outcome="dead-letter"}}) and the consumer goes on; replaying the dead
 * letter pushes it then. What is unreadable is only what cannot be acted on: an event that breaks
 * its schema but can be read is pushed ({@link PushableEvent}).
 *
 * <p>The dead-letter topic keeps its records for {@code moveacces.realtime.dead-letter-retention}
 * (30 days by default), set when the topic is created and, on a topic that exists, when the service
 * starts ({@code spring.kafka.admin.modify-topic-configs}): a dead letter is what a replay needs,
 * and the broker's default (7 days) could delete it before anyone looked.
 */
@Configuration(proxyBeanMethods = false)
class FeedFailures {

  static final String DEAD_LETTER_TOPIC = Topics.deadLetter(EventFeed.GROUP);

  @Bean
  CommonErrorHandler feedErrorHandler(
      KafkaOperations<Object, Object> kafka, RealtimeMetrics metrics) {
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            kafka, (record, error) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
    backOff.setMaxInterval(10_000);
    backOff.setMaxElapsedTime(300_000);
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, error) -> {
              deadLetters.accept(record, error);
              metrics.event("dead-letter");
            },
            backOff);
    handler.addNotRetryableExceptions(UnreadableEvent.class);
    return handler;
  }

  @Bean
  NewTopic deadLetterTopic(RealtimeProperties properties) {
    return TopicBuilder.name(DEAD_LETTER_TOPIC)
        .config(
            TopicConfig.RETENTION_MS_CONFIG,
            String.valueOf(properties.deadLetterRetention().toMillis()))
        .build();
  }
}
