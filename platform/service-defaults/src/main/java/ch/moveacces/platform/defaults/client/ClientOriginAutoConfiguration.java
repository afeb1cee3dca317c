package ch.moveacces.platform.defaults.client;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ClientOriginProperties.class)
public class ClientOriginAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ClientOrigin clientOrigin(ClientOriginProperties properties) {
    return new ClientOrigin(properties.trustedProxies());
  }
}
