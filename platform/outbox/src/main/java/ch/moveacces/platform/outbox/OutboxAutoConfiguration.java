package ch.moveacces.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The outbox of a producing service, on once {@code moveacces.outbox.table} names its table: the
 * {@link Outbox} to append with, and (unless {@code moveacces.outbox.relay-enabled=false}) the
 * relay to Kafka, the cleanup of sent rows and the metrics.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@ConditionalOnClass({ConnectionFactory.class, DatabaseClient.class, KafkaProducer.class})
@ConditionalOnBean(ConnectionFactory.class)
@ConditionalOnProperty("moveacces.outbox.table")
@ConditionalOnBooleanProperty(name = "moveacces.outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  RelayTrigger outboxRelayTrigger() {
    return new RelayTrigger();
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox outbox(
      ConnectionFactory connectionFactory, OutboxProperties properties, RelayTrigger relay) {
    return new Outbox(
        DatabaseClient.create(connectionFactory), new OutboxTable(properties.table()), relay);
  }

  @Bean
  OutboxMetrics outboxMetrics(
      ConnectionFactory connectionFactory,
      OutboxProperties properties,
      ObjectProvider<MeterRegistry> registry) {
    return new OutboxMetrics(
        DatabaseClient.create(connectionFactory),
        new OutboxTable(properties.table()),
        registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  PeriodicTask outboxMetricsRefresh(OutboxMetrics metrics, OutboxProperties properties) {
    return new PeriodicTask("outbox metrics", properties.metricsInterval(), metrics::refresh);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(
      name = "moveacces.outbox.relay-enabled",
      havingValue = "true",
      matchIfMissing = true)
  KafkaPublisher outboxPublisher(
      ObjectProvider<KafkaProperties> kafka, OutboxProperties properties) {
    KafkaProperties kafkaProperties = kafka.getIfAvailable(KafkaProperties::new);
    return new KafkaPublisher(
        kafkaProperties.buildProducerProperties(),
        "outbox-" + properties.table(),
        properties.sendTimeout());
  }

  @Bean
  @ConditionalOnProperty(
      name = "moveacces.outbox.relay-enabled",
      havingValue = "true",
      matchIfMissing = true)
  PeriodicTask outboxRelay(
      ConnectionFactory connectionFactory,
      KafkaPublisher publisher,
      OutboxMetrics metrics,
      OutboxProperties properties,
      RelayTrigger trigger) {
    OutboxRelay relay =
        new OutboxRelay(
            DatabaseClient.create(connectionFactory),
            TransactionalOperator.create(
                new R2dbcTransactionManager(connectionFactory), OutboxRelay.definition()),
            new OutboxTable(properties.table()),
            publisher,
            new Backoff(properties.initialBackoff(), properties.maxBackoff()),
            properties.batchSize(),
            metrics);
    PeriodicTask task =
        new PeriodicTask("outbox relay", properties.pollInterval(), relay::relayBatch);
    trigger.connect(task::wakeUp);
    return task;
  }

  @Bean
  @ConditionalOnProperty(
      name = "moveacces.outbox.relay-enabled",
      havingValue = "true",
      matchIfMissing = true)
  PeriodicTask outboxCleanup(ConnectionFactory connectionFactory, OutboxProperties properties) {
    OutboxCleanup cleanup =
        new OutboxCleanup(
            DatabaseClient.create(connectionFactory),
            new OutboxTable(properties.table()),
            properties.retention());
    return new PeriodicTask("outbox cleanup", properties.cleanupInterval(), cleanup::deleteChunk);
  }
}
