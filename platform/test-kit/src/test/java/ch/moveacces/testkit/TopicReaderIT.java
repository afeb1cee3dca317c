package ch.moveacces.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.moveacces.testkit.TopicReader.Received;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TopicReaderIT {

  @Test
  void readsEveryRecordOfANewTopicWithItsKeyAndHeaders() throws Exception {
    String topic = TopicReader.newTopic("topic-reader-it", 3);
    publish(topic, "7", "{\"n\":1}");
    publish(topic, "8", "{\"n\":2}");

    List<Received> received = TopicReader.readAll(topic, 2);

    assertThat(received)
        .extracting(Received::key, Received::payload)
        .containsExactlyInAnyOrder(tuple("7", "{\"n\":1}"), tuple("8", "{\"n\":2}"));
    assertThat(received).allSatisfy(r -> assertThat(r.headers()).containsEntry("origin", "it"));
    assertThat(TopicReader.recordCount(topic)).isEqualTo(2);
  }

  @Test
  void waitsForTheRecordThatNamesAnEvent() throws Exception {
    String topic = TopicReader.newTopic("topic-reader-it", 1);
    String eventId = UUID.randomUUID().toString();
    publish(topic, "7", "{\"id\":\"another\"}");
    publish(topic, "7", "{\"id\":\"" + eventId + "\"}");

    Received record = TopicReader.awaitEvent(topic, eventId);

    assertThat(record.payload()).contains(eventId);
    assertThat(record.key()).isEqualTo("7");
  }

  private static void publish(String topic, String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafka().bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      record.headers().add("origin", "it".getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    }
  }
}
