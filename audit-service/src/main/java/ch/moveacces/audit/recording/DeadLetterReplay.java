package ch.moveacces.audit.recording;

import ch.moveacces.audit.chain.ChainName;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves dead letters into the trail: reads {@code audit-service.dlt} from where its own consumer
 * group {@code audit-service-replay} stopped (from the start the first time) up to the end it had
 * when the replay began, appends every parseable dead letter to the chain of its dead-letter
 * partition ({@code audit-service.dlt-<partition>}) through the listener's own {@link Recording}
 * (flagged when it breaks its schema), and commits after each poll. A dead letter that is still
 * unreadable stays where it is, counted. Run by {@code java -jar audit-service.jar
 * replay-dead-letters}.
 */
@Component
public class DeadLetterReplay {

  /** The command-line argument that runs a replay instead of the service. */
  public static final String COMMAND = "replay-dead-letters";

  static final String GROUP = EventRecorder.GROUP + "-replay";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ConsumerFactory<?, ?> consumers;
  private final Recording recording;

  DeadLetterReplay(ConsumerFactory<?, ?> consumers, Recording recording) {
    this.consumers = consumers;
    this.recording = recording;
  }

  /** Replays what the dead-letter topic holds now; returns what became of it. */
  public Summary replay() {
    Properties overrides = new Properties();
    overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    int replayed = 0;
    int alreadyRecorded = 0;
    int unreadable = 0;
    try (Consumer<?, ?> consumer = consumers.createConsumer(GROUP, GROUP, null, overrides)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(RecordingFailures.DEAD_LETTER_TOPIC, PATIENCE).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
      while (!reached(consumer, end)) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<?, ?> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= end.get(partition)) {
            continue; // arrived during this replay: left for the next one
          }
          try {
            byte[] value = (byte[]) record.value();
            String chain = ChainName.of(record.topic(), record.partition());
            switch (recording.record(value, chain)) {
              case RECORDED, FLAGGED -> replayed++;
              case DUPLICATE -> alreadyRecorded++;
            }
          } catch (UnreadableEvent | RefusedEvent poison) {
            unreadable++;
            log.warn(
                "Dead letter {}-{}@{} is still unreadable: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                poison.getMessage());
          }
          done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        if (!done.isEmpty()) {
          consumer.commitSync(done, PATIENCE);
        }
      }
    }
    return new Summary(replayed, alreadyRecorded, unreadable);
  }

  private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .allMatch(
            partition -> consumer.position(partition.getKey(), PATIENCE) >= partition.getValue());
  }

  /** What one replay did: appended to the trail, found already there, left unreadable. */
  public record Summary(int replayed, int alreadyRecorded, int stillUnreadable) {

    @Override
    public String toString() {
      return "Replayed "
          + RecordingFailures.DEAD_LETTER_TOPIC
          + ": "
          + replayed
          + " replayed, "
          + alreadyRecorded
          + " already recorded, "
          + stillUnreadable
          + " still unreadable";
    }
  }
}
