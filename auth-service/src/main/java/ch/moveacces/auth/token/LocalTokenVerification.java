package ch.moveacces.auth.token;

import ch.moveacces.platform.token.AccessTokenDecoder;
import ch.moveacces.platform.token.TokenProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This service verifies access tokens with token-verification's decoder and rules, as the gateway
 * and every service do, over its own public keys instead of fetching them over HTTP from itself.
 */
@Configuration(proxyBeanMethods = false)
class LocalTokenVerification {

  @Bean
  AccessTokenDecoder accessTokenDecoder(SigningKeys keys, TokenProperties rules, Clock clock) {
    return AccessTokenDecoder.overLocalKeys(keys.publicKeys(), rules, clock);
  }
}
