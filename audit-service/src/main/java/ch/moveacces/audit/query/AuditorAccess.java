package ch.moveacces.audit.query;

import ch.moveacces.platform.token.AuthorizationRules;
import ch.moveacces.platform.token.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only auditors read the trail: any other role gets 403, no token 401. The OpenAPI document is
 * public: the gateway's documentation page reads it without a token.
 */
@Configuration(proxyBeanMethods = false)
class AuditorAccess {

  @Bean
  AuthorizationRules onlyAuditorsReadTheTrail() {
    return rules -> rules.pathMatchers("/audit/**").hasRole("AUDITOR");
  }

  @Bean
  PublicPaths openApiDocumentIsPublic() {
    return PublicPaths.of("/v3/api-docs", "/v3/api-docs/**");
  }
}
