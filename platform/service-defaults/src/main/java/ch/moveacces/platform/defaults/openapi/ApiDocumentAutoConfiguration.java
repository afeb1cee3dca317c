package ch.moveacces.platform.defaults.openapi;

import java.util.Objects;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service that publishes an OpenAPI document (springdoc on its class path) introduces it the
 * same way ({@link ApiOverview}) and documents access and problem answers the same way ({@link
 * StandardResponses}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ApiDocumentProperties.class)
public class ApiDocumentAutoConfiguration {

  static final String UNVERSIONED = "unversioned";

  @Bean
  ApiOverview apiOverview(
      ApiDocumentProperties properties,
      ObjectProvider<BuildProperties> build,
      Environment environment) {
    String title =
        properties.title() != null
            ? properties.title()
            : environment.getProperty("spring.application.name", "Move Acces API");
    String version = properties.version();
    if (version == null) {
      BuildProperties built = build.getIfAvailable();
      version = built != null && built.getVersion() != null ? built.getVersion() : UNVERSIONED;
    }
    return new ApiOverview(
        Objects.requireNonNull(title),
        Objects.requireNonNullElse(properties.description(), ""),
        version,
        properties.serverUrl().toString());
  }

  @Bean
  StandardResponses standardResponses() {
    return new StandardResponses();
  }
}
