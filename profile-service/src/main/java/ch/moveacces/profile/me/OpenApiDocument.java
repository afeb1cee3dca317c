package ch.moveacces.profile.me;

import ch.moveacces.platform.token.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document is public: the gateway's documentation page reads it without a token. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

  @Bean
  PublicPaths openApiDocumentIsPublic() {
    return PublicPaths.of("/v3/api-docs", "/v3/api-docs/**");
  }
}
