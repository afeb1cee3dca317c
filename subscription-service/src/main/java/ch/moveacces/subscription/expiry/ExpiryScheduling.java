package ch.moveacces.subscription.expiry;

import ch.moveacces.subscription.SubscriptionsProperties;
import ch.moveacces.subscription.abonnement.AbonnementEvents;
import ch.moveacces.subscription.abonnement.Abonnements;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The expiry job of this instance, unless {@code moveacces.subscriptions.expiry.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = SubscriptionsProperties.PREFIX + ".expiry.enabled",
    havingValue = "true",
    matchIfMissing = true)
class ExpiryScheduling {

  @Bean
  ExpiryJob expiryJob(
      Abonnements abonnements,
      AbonnementEvents events,
      TransactionalOperator transaction,
      Clock clock,
      SubscriptionsProperties properties) {
    return new ExpiryJob(abonnements, events, transaction, clock, properties.expiry().batchSize());
  }

  @Bean
  ExpirySchedule expirySchedule(
      ExpiryJob job,
      SubscriptionsProperties properties,
      ObjectProvider<ObservationRegistry> observations) {
    return new ExpirySchedule(
        job,
        properties.expiry().interval(),
        observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }
}
