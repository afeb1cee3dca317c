package ch.moveacces.audit.integrity;

import ch.moveacces.platform.token.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checkpoints' public key is public by nature: whoever holds a copy of the trail checks it with
 * that key, no token needed. {@code GET /audit/verify} stays under the trail's rule: auditors only.
 */
@Configuration(proxyBeanMethods = false)
class IntegrityAccess {

  static final String KEY_PATH = "/audit/checkpoints/key";

  @Bean
  PublicPaths checkpointKeyIsPublic() {
    return PublicPaths.of(KEY_PATH);
  }
}
