package ch.moveacces.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Sends outbox rows with an idempotent producer of its own, acknowledged by all replicas. */
final class KafkaPublisher implements AutoCloseable {

  private final Producer<String, String> producer;
  private final Scheduler sending;

  KafkaPublisher(Map<String, Object> clientConfig, String clientId, Duration sendTimeout) {
    this.producer =
        new KafkaProducer<>(
            producerConfig(clientConfig, clientId, sendTimeout),
            new StringSerializer(),
            new StringSerializer());
    // send() may block while it fetches the topic's metadata: never on a caller's thread.
    this.sending = Schedulers.newBoundedElastic(OutboxRelay.KEYS_IN_PARALLEL, 10_000, clientId);
  }

  static Map<String, Object> producerConfig(
      Map<String, Object> clientConfig, String clientId, Duration sendTimeout) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    // Rows arrive in small batches already; waiting to fill a larger one only adds latency.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    int timeout = Math.toIntExact(sendTimeout.toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, timeout / 2));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) timeout);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    return config;
  }

  /** Completes when the broker acknowledged the record. */
  Mono<Void> publish(PendingRow row) {
    return Mono.<Void>create(
            sink -> {
              ProducerRecord<String, String> record =
                  new ProducerRecord<>(row.topic(), row.key(), row.payload());
              row.headers()
                  .forEach(
                      (name, value) ->
                          record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
              producer.send(
                  record,
                  (metadata, error) -> {
                    if (error == null) {
                      sink.success();
                    } else {
                      sink.error(error);
                    }
                  });
            })
        .subscribeOn(sending)
        // The callback runs on the producer's I/O thread, which must not go on to send.
        .publishOn(sending);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    sending.dispose();
  }
}
