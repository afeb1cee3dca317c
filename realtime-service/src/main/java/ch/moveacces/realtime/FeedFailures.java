package ch.moveacces.realtime;

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
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that is no valid event goes to {@code realtime-service.dlt} at once. One that cannot be
 * appended (Redis away) is tried again, backing off up to 10 s, for five minutes: the partition
 * waits, so a member's events stay in order. After that it is dead-lettered too (counted in {@code
 * realtime_events_total{outcome="dead-letter"}}) and the consumer goes on; replaying the dead
 * letter pushes it then.
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
  NewTopic deadLetterTopic() {
    return TopicBuilder.name(DEAD_LETTER_TOPIC).build();
  }
}
