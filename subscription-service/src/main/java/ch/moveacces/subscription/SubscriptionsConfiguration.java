package ch.moveacces.subscription;

import ch.moveacces.platform.token.PublicPaths;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionsProperties.class)
class SubscriptionsConfiguration {

  /** The Swiss calendar by default; a test moves time with a clock of its own. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(SubscriptionsProperties properties) {
    return Clock.system(properties.zone());
  }

  /** An abonnement change and its event commit together, through this operator. */
  @Bean
  @ConditionalOnMissingBean
  TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
    return TransactionalOperator.create(transactionManager);
  }

  /** The OpenAPI document is public: the gateway's documentation page reads it without a token. */
  @Bean
  PublicPaths openApiDocumentIsPublic() {
    return PublicPaths.of("/v3/api-docs", "/v3/api-docs/**");
  }
}
