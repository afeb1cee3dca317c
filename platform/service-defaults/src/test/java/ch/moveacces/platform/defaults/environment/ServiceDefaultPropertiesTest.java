package ch.moveacces.platform.defaults.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ServiceDefaultPropertiesTest {

  @Test
  void appliesTheDefaultsWhereTheApplicationSaysNothing() {
    StandardEnvironment environment = environmentWith(Map.of());

    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(environment.getProperty("logging.level.org.apache.kafka")).isEqualTo("WARN");
    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,info,prometheus");
    assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
        .isEqualTo("true");
    assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
    assertThat(environment.getProperty("management.tracing.propagation.type")).isEqualTo("w3c");
    assertThat(environment.getProperty("management.observations.enable.spring.security"))
        .isEqualTo("false");
    assertThat(environment.getProperty("spring.web.error.include-stacktrace")).isEqualTo("never");
    assertThat(environment.getProperty("spring.webflux.problemdetails.enabled")).isEqualTo("true");
    assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
    assertThat(environment.getProperty("spring.jackson.deserialization.fail-on-unknown-properties"))
        .isEqualTo("true");
  }

  @Test
  void letsTheApplicationOverrideAnyDefault() {
    StandardEnvironment environment =
        environmentWith(
            Map.of(
                "logging.structured.format.console", "logstash",
                "management.tracing.sampling.probability", "0.25"));

    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    assertThat(environment.getProperty("management.tracing.sampling.probability"))
        .isEqualTo("0.25");
  }

  @Test
  void keepsOtlpMetricsExportOffUntilAnEndpointIsConfigured() {
    assertThat(
            environmentWith(Map.of())
                .getProperty("management.otlp.metrics.export.enabled", Boolean.class))
        .isFalse();
    assertThat(
            environmentWith(Map.of("management.otlp.metrics.export.url", "http://otel:4318"))
                .getProperty("management.otlp.metrics.export.enabled", Boolean.class))
        .isTrue();
  }

  @Test
  void exportsToZipkinOnlyWhenItsEndpointIsConfigured() {
    assertThat(
            environmentWith(Map.of())
                .getProperty("management.tracing.export.zipkin.enabled", Boolean.class))
        .isFalse();
    StandardEnvironment fromTheEnvironment = new StandardEnvironment();
    fromTheEnvironment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "environment",
                Map.of(
                    "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT",
                    "http://127.0.0.1:9411/api/v2/spans")));
    new ServiceDefaultProperties()
        .postProcessEnvironment(fromTheEnvironment, new SpringApplication());
    assertThat(
            fromTheEnvironment.getProperty(
                "management.tracing.export.zipkin.enabled", Boolean.class))
        .isTrue();
  }

  @Test
  void keepsTwentyDatabaseConnectionsAndOpensTwentyMoreUnderLoad() {
    StandardEnvironment environment = environmentWith(Map.of());

    assertThat(environment.getProperty("spring.r2dbc.pool.initial-size")).isEqualTo("20");
    assertThat(environment.getProperty("spring.r2dbc.pool.min-idle")).isEqualTo("20");
    assertThat(environment.getProperty("spring.r2dbc.pool.max-size")).isEqualTo("40");
    assertThat(environment.getProperty("spring.r2dbc.pool.max-idle-time")).isEqualTo("10m");
  }

  @Test
  void sizesTheDatabasePoolFromTheEnvironment() {
    StandardEnvironment environment =
        environmentWith(
            Map.of(
                "DB_POOL_SIZE", "5",
                "DB_POOL_MAX_SIZE", "12",
                "DB_POOL_MAX_IDLE_TIME", "2m"));

    assertThat(environment.getProperty("spring.r2dbc.pool.initial-size")).isEqualTo("5");
    assertThat(environment.getProperty("spring.r2dbc.pool.min-idle")).isEqualTo("5");
    assertThat(environment.getProperty("spring.r2dbc.pool.max-size")).isEqualTo("12");
    assertThat(environment.getProperty("spring.r2dbc.pool.max-idle-time")).isEqualTo("2m");
  }

  private static StandardEnvironment environmentWith(Map<String, Object> applicationProperties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("application.yml", applicationProperties));
    new ServiceDefaultProperties().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}
