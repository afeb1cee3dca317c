package ch.moveacces.platform.defaults.environment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The properties every service starts with, at the lowest precedence: anything an application sets
 * (its application.yml, the environment, a test) wins.
 */
public class ServiceDefaultProperties implements EnvironmentPostProcessor, Ordered {

  static final String OTLP_METRICS_URL = "management.otlp.metrics.export.url";
  static final String OTLP_METRICS_ENABLED = "management.otlp.metrics.export.enabled";
  static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";
  static final String ZIPKIN_ENABLED = "management.tracing.export.zipkin.enabled";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = defaults(environment);
    PropertySource<?> existing =
        environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
    if (existing != null) {
      defaults.keySet().removeIf(existing::containsProperty);
    }
    DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
  }

  static Map<String, Object> defaults(ConfigurableEnvironment environment) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    // ECS JSON on the console; Micrometer Tracing puts traceId and spanId into the MDC.
    defaults.put("logging.structured.format.console", "ecs");
    defaults.put("spring.reactor.context-propagation", "auto");
    // Kafka's clients log their whole configuration at INFO each time one is created.
    defaults.put("logging.level.org.apache.kafka", "WARN");

    defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
    defaults.put("management.endpoint.health.probes.enabled", "true");
    defaults.put("management.endpoint.health.show-details", "always");
    defaults.put("management.endpoint.health.show-components", "always");
    // Declared groups inherit show-details; the probes' implicit groups would show status only.
    // An application widens readiness with the dependencies it cannot work without.
    defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
    defaults.put("management.endpoint.health.group.readiness.include", "readinessState");
    defaults.put("management.metrics.tags.application", "${spring.application.name:unnamed}");
    defaults.put(
        "management.metrics.distribution.percentiles-histogram.http.server.requests", "true");

    defaults.put("management.tracing.sampling.probability", "1.0");
    defaults.put("management.tracing.propagation.type", "w3c");
    // Spring Security would add an observation (a span and a timer) around each of its filters on
    // every request: a dozen spans per request that say nothing the server span does not, each
    // paid for on the hot path.
    defaults.put("management.observations.enable.spring.security", "false");
    // Traces and logs go out over OTLP only when their endpoint is set (Boot's own condition);
    // metrics would be pushed to localhost:4318 regardless, so they follow the same rule here.
    defaults.put(
        OTLP_METRICS_ENABLED, String.valueOf(environment.containsProperty(OTLP_METRICS_URL)));
    // Zipkin's endpoint has a default (localhost:9411), so Boot would export there always.
    defaults.put(ZIPKIN_ENABLED, String.valueOf(environment.containsProperty(ZIPKIN_ENDPOINT)));

    defaults.put("server.shutdown", "graceful");
    defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
    defaults.put("spring.web.error.include-stacktrace", "never");
    defaults.put("spring.web.error.include-exception", "false");
    defaults.put("spring.webflux.problemdetails.enabled", "true");
    // A misspelt or unexpected field is refused (400 naming it), never silently dropped.
    defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
    ConnectionPoolDefaults.addTo(defaults);
    return defaults;
  }

  /** After the application's own configuration is loaded, so that it can be read here. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
