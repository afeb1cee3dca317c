package ch.moveacces.platform.defaults.client;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Every web process reads its clients' origin and its app origins the same way. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties({ClientProperties.class, AppOrigins.class})
public class ClientAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ClientOrigins clientOrigins(ClientProperties properties) {
    return new ClientOrigins(TrustedProxies.of(properties.trustedProxies()));
  }
}
