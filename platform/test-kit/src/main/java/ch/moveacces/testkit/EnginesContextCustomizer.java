package ch.moveacces.testkit;

import ch.moveacces.legacy.ServiceAccount;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points an application context at the test engines. A record, so that test classes asking for the
 * same engines share one cached context.
 */
record EnginesContextCustomizer(ServiceAccount account, boolean redis, boolean kafka)
    implements ContextCustomizer {

  static final String PROPERTY_SOURCE = "moveacces-test-engines";

  boolean needsAnyEngine() {
    return account != null || redis || kafka;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    if (!EngineMode.current().available()) {
      return;
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource(PROPERTY_SOURCE, properties()));
  }

  Map<String, Object> properties() {
    Map<String, Object> properties = new HashMap<>();
    if (account != null) {
      DatabaseEndpoint database = TestEngines.database();
      properties.put("spring.r2dbc.url", database.r2dbcUrl());
      properties.put("spring.r2dbc.username", account.username());
      properties.put("spring.r2dbc.password", account.devOnlyPassword());
      properties.put("spring.flyway.url", database.jdbcUrl());
      properties.put("spring.flyway.user", account.migrator().username());
      properties.put("spring.flyway.password", account.migrator().devOnlyPassword());
    }
    if (redis) {
      RedisEndpoint endpoint = TestEngines.redis();
      properties.put("spring.data.redis.host", endpoint.host());
      properties.put("spring.data.redis.port", endpoint.port());
    }
    if (kafka) {
      properties.put("spring.kafka.bootstrap-servers", TestEngines.kafka().bootstrapServers());
    }
    return properties;
  }
}
