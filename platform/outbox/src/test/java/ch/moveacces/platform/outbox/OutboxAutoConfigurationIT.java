package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.TopicReader;
import ch.moveacces.testkit.WithKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What a service gets from the auto-configuration: naming its table, it appends and relays; a
 * committed append wakes the relay rather than waiting for the poll; with the relay off an instance
 * only appends; without a table there is no outbox.
 */
@WithKafka
class OutboxAutoConfigurationIT {

  /** Several partitions, as the services' topics have. */
  private static final int TOPIC_PARTITIONS = 3;

  private OutboxFixture fixture;
  private ApplicationContextRunner application;

  @BeforeEach
  void freshTable() throws Exception {
    fixture = new OutboxFixture();
    application =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    R2dbcAutoConfiguration.class,
                    KafkaAutoConfiguration.class,
                    OutboxAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues(
                "spring.r2dbc.url=" + TestEngines.database().r2dbcUrl(),
                "spring.r2dbc.username=" + OutboxFixture.USER,
                "spring.r2dbc.password=" + OutboxFixture.PASSWORD,
                "spring.kafka.bootstrap-servers=" + TestEngines.kafka().bootstrapServers(),
                "moveacces.outbox.poll-interval=50ms",
                "moveacces.outbox.metrics-interval=100ms");
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void aServiceNamingItsTableAppendsAndRelays() throws Exception {
    String topic = TopicReader.newTopic("outbox-it", TOPIC_PARTITIONS);
    UUID eventId = UUID.randomUUID();

    application
        .withPropertyValues("moveacces.outbox.table=" + fixture.table.name())
        .run(
            context -> {
              context
                  .getBean(Outbox.class)
                  .append(
                      new OutboxMessage(
                          eventId, topic, "user-1", "{\"id\":\"" + eventId + "\"}", Map.of()))
                  .block();

              assertThat(TopicReader.readAll(topic, 1))
                  .singleElement()
                  .satisfies(record -> assertThat(record.payload()).contains(eventId.toString()));
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              await()
                  .atMost(Duration.ofSeconds(10))
                  .untilAsserted(
                      () -> {
                        assertThat(
                                registry
                                    .get("outbox.published")
                                    .tag("table", fixture.table.name())
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                        assertThat(registry.get("outbox.pending").gauge().value()).isZero();
                      });
            });
  }

  @Test
  void aCommittedAppendWakesTheRelayRatherThanWaitingForThePoll() throws Exception {
    String topic = TopicReader.newTopic("outbox-it", TOPIC_PARTITIONS);
    UUID eventId = UUID.randomUUID();

    application
        .withPropertyValues(
            "moveacces.outbox.table=" + fixture.table.name(), "moveacces.outbox.poll-interval=10m")
        .run(
            context -> {
              ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
              TransactionalOperator transaction =
                  TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
              long start = System.nanoTime();
              context
                  .getBean(Outbox.class)
                  .append(new OutboxMessage(eventId, topic, "user-1", "{}", Map.of()))
                  .as(transaction::transactional)
                  .block();

              assertThat(TopicReader.readAll(topic, 1)).hasSize(1);
              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .as("published long before the 10 minute poll")
                  .isLessThan(Duration.ofSeconds(30));
            });
  }

  @Test
  void anInstanceWithTheRelayOffOnlyAppends() {
    application
        .withPropertyValues(
            "moveacces.outbox.table=" + fixture.table.name(),
            "moveacces.outbox.relay-enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Outbox.class).doesNotHaveBean(KafkaPublisher.class);
              assertThat(context.getBeansOfType(PeriodicTask.class).values())
                  .extracting(PeriodicTask::name)
                  .containsExactly("outbox metrics");
            });
  }

  @Test
  void withoutATableThereIsNoOutbox() {
    application.run(context -> assertThat(context).doesNotHaveBean(Outbox.class));
  }
}
