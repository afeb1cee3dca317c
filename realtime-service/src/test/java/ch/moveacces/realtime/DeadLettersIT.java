package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.platform.events.payload.SessionRevoked;
import ch.moveacces.testkit.TopicReader;
import ch.moveacces.testkit.TopicReader.Received;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.node.ObjectNode;

/**
 * Only what cannot be read goes to {@code realtime-service.dlt}: a record that is no JSON and a
 * revocation without the session it revokes land there with the original topic in their headers,
 * while a revocation that breaks its schema only in its {@code tracestate}, published before them
 * with the same key (so handled first), does not.
 */
@RunningRealtimeService
class DeadLettersIT {

  @Autowired KafkaListenerEndpointRegistry registry;

  @BeforeEach
  void consumerIsAssigned() {
    Feed.awaitAssigned(registry);
  }

  @Test
  void deadLettersWhatCannotBeReadAndNothingThatCanBe() {
    String member = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));
    EventEnvelope flagged =
        EventEnvelope.builder(new SessionRevoked(UUID.randomUUID().toString()))
            .source("auth-service")
            .user(Long.parseLong(member))
            .trace(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                PushableEventTest.OVER_LONG_TRACESTATE)
            .build();
    assertThat(EventSchemas.load().validate(flagged)).isNotEmpty();
    String notJson = "not json " + UUID.randomUUID();
    ObjectNode withoutSession =
        EventJson.toNode(
            EventEnvelope.builder(new SessionRevoked(UUID.randomUUID().toString()))
                .source("auth-service")
                .user(Long.parseLong(member))
                .build());
    ((ObjectNode) withoutSession.get("data")).remove("session_id");
    String withoutSessionId = withoutSession.get("id").asString();

    Events.publish(flagged);
    Events.publish(Topics.IDENTITY, member, notJson);
    Events.publish(Topics.IDENTITY, member, withoutSession.toString());

    Received unreadable =
        TopicReader.awaitRecord(
            FeedFailures.DEAD_LETTER_TOPIC, record -> notJson.equals(record.payload()));
    assertThat(unreadable.key()).isEqualTo(member);
    assertThat(unreadable.headers()).containsEntry("kafka_dlt-original-topic", Topics.IDENTITY);
    TopicReader.awaitEvent(FeedFailures.DEAD_LETTER_TOPIC, withoutSessionId);
    long flaggedDeadLetters =
        TopicReader.readAll(
                FeedFailures.DEAD_LETTER_TOPIC,
                (int) TopicReader.recordCount(FeedFailures.DEAD_LETTER_TOPIC))
            .stream()
            .filter(record -> record.payload().contains(flagged.id().toString()))
            .count();
    assertThat(flaggedDeadLetters).isZero();
  }
}
