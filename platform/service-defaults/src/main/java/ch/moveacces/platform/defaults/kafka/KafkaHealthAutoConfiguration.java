package ch.moveacces.platform.defaults.kafka;

import java.time.Duration;
import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A {@code kafka} health indicator, which Boot does not have, for applications that use Kafka and
 * name their brokers. Whether it gates readiness is each application's choice (its readiness
 * group).
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({KafkaAdmin.class, AdminClient.class, HealthContributor.class})
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
public class KafkaHealthAutoConfiguration {

  static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Bean
  @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
  KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    return new KafkaClusterHealthIndicator(kafkaAdmin.getConfigurationProperties(), TIMEOUT);
  }
}
