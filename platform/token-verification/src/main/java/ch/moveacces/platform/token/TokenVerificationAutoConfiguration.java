package ch.moveacces.platform.token;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/** The {@link ReactiveJwtDecoder} every service and the gateway verify access tokens with. */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"
    },
    afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@EnableConfigurationProperties(TokenProperties.class)
public class TokenVerificationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
  AccessTokenDecoder accessTokenDecoder(
      TokenProperties properties,
      ObjectProvider<WebClient.Builder> webClients,
      ObjectProvider<Clock> clocks) {
    Clock clock = clocks.getIfAvailable(Clock::systemUTC);
    JwkSetClient client =
        new JwkSetClient(
            webClients.getIfAvailable(WebClient::builder).build(),
            properties.jwkSetUri(),
            properties.jwkSetTimeout());
    JwkSetCache keys =
        new JwkSetCache(client, clock, properties.jwkSetTtl(), properties.jwkSetRefetchCooldown());
    VerifiedTokens verified =
        new VerifiedTokens(
            properties.verifiedTokens(), properties.jwkSetTtl(), Ticker.systemTicker());
    return new AccessTokenDecoder(keys, properties, clock, verified);
  }
}
