package ch.moveacces.realtime;

import static org.awaitility.Awaitility.await;

import ch.moveacces.platform.events.Topics;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The application's consumer, ready to take events. */
final class Feed {

  private Feed() {}

  /** Waits until the consumer group holds partitions of all three topics. */
  static void awaitAssigned(KafkaListenerEndpointRegistry registry) {
    MessageListenerContainer container = registry.getListenerContainer(EventFeed.LISTENER_ID);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              var assigned = container.getAssignedPartitions();
              Set<String> topics =
                  assigned == null
                      ? Set.of()
                      : assigned.stream().map(TopicPartition::topic).collect(Collectors.toSet());
              return topics.containsAll(Topics.ALL);
            });
  }
}
