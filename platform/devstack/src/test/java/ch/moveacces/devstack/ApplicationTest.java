package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ch.moveacces.legacy.ServiceAccount;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each application's environment, the external Kafka and the traces endpoint included. */
class ApplicationTest {

  private final Layout layout = new Layout(3306, 6379, 9092, Layout.appPorts(8080));

  @Test
  void givesEachApplicationItsDocumentedPort() {
    assertThat(layout.appPorts())
        .containsOnly(
            entry(Application.GATEWAY, 8080),
            entry(Application.AUTH, 8081),
            entry(Application.PROFILE, 8082),
            entry(Application.SUBSCRIPTION, 8083),
            entry(Application.AUDIT, 8084),
            entry(Application.REALTIME, 8085));
  }

  @Test
  void pointsTheGatewayAtRedisAndEveryServiceWithItsDevelopmentPages() {
    assertThat(Application.GATEWAY.environment(layout))
        .containsOnly(
            entry("SERVER_PORT", "8080"),
            entry("MANAGEMENT_PORT", "8090"),
            entry("SPRING_PROFILES_ACTIVE", "dev"),
            entry("REDIS_HOST", "127.0.0.1"),
            entry("REDIS_PORT", "6379"),
            entry("AUTH_SERVICE_URI", "http://127.0.0.1:8081"),
            entry("PROFILE_SERVICE_URI", "http://127.0.0.1:8082"),
            entry("SUBSCRIPTION_SERVICE_URI", "http://127.0.0.1:8083"),
            entry("AUDIT_SERVICE_URI", "http://127.0.0.1:8084"),
            entry("REALTIME_SERVICE_URI", "http://127.0.0.1:8085"),
            entry("AUTH_JWKS_URI", "http://127.0.0.1:8081/.well-known/jwks.json"));
  }

  @Test
  void givesAuthServiceItsOwnDatabaseAccountRedisAndKafka() {
    assertThat(Application.AUTH.environment(layout))
        .containsOnly(
            entry("SERVER_PORT", "8081"),
            entry("DB_HOST", "127.0.0.1"),
            entry("DB_PORT", "3306"),
            entry("DB_NAME", "moveacces"),
            entry("DB_USERNAME", "moveacces_auth"),
            entry("DB_PASSWORD", ServiceAccount.AUTH.password()),
            entry("REDIS_HOST", "127.0.0.1"),
            entry("REDIS_PORT", "6379"),
            entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            entry("AUTH_JWKS_URI", "http://127.0.0.1:8081/.well-known/jwks.json"),
            entry("AUTH_DEV_ACCOUNTS", "true"));
  }

  @Test
  void givesAuthServiceTheDevstacksSigningKeyAndNoOneElse() {
    Path keys = Path.of("/data/auth-signing-keys.json");

    assertThat(Application.AUTH.environment(layout, keys))
        .containsEntry("AUTH_SIGNING_KEYS_FILE", keys.toString());
    for (Application other : Application.values()) {
      if (other != Application.AUTH) {
        assertThat(other.environment(layout, keys))
            .as(other.module())
            .doesNotContainKey("AUTH_SIGNING_KEYS_FILE")
            .containsEntry("AUTH_JWKS_URI", "http://127.0.0.1:8081/.well-known/jwks.json")
            .doesNotContainKey("AUTH_DEV_ACCOUNTS");
      }
    }
  }

  @Test
  void givesEachDatabaseServiceOnlyItsOwnAccount() {
    Map<String, String> subscription = Application.SUBSCRIPTION.environment(layout);

    assertThat(subscription)
        .containsEntry("DB_USERNAME", "moveacces_subscription")
        .containsEntry("DB_PASSWORD", ServiceAccount.SUBSCRIPTION.password())
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
        .doesNotContainKeys("REDIS_HOST", "REDIS_PORT");
    assertThat(Application.PROFILE.environment(layout))
        .containsEntry("DB_USERNAME", "moveacces_profile");
    assertThat(Application.AUDIT.environment(layout))
        .containsEntry("DB_USERNAME", "moveacces_audit");
  }

  @Test
  void givesAuditServiceItsMigrationAccountAndNoOtherServiceOne() {
    assertThat(Application.AUDIT.environment(layout))
        .containsEntry("DB_USERNAME", "moveacces_audit")
        .containsEntry("DB_PASSWORD", ServiceAccount.AUDIT.password())
        .containsEntry("DB_MIGRATION_USERNAME", "moveacces_audit_migrator")
        .containsEntry("DB_MIGRATION_PASSWORD", ServiceAccount.AUDIT.migrator().password());
    assertThat(ServiceAccount.AUDIT.migrator().password())
        .isNotEqualTo(ServiceAccount.AUDIT.password());
    for (Application other : Application.values()) {
      if (other != Application.AUDIT) {
        assertThat(other.environment(layout))
            .as(other.module())
            .doesNotContainKeys("DB_MIGRATION_USERNAME", "DB_MIGRATION_PASSWORD");
      }
    }
  }

  @Test
  void givesRealtimeServiceRedisAndKafkaButNoDatabase() {
    assertThat(Application.REALTIME.environment(layout))
        .containsOnly(
            entry("SERVER_PORT", "8085"),
            entry("REDIS_HOST", "127.0.0.1"),
            entry("REDIS_PORT", "6379"),
            entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            entry("AUTH_JWKS_URI", "http://127.0.0.1:8081/.well-known/jwks.json"));
  }

  @Test
  void exportsNoTracesUnlessAnEndpointIsGiven() {
    for (Application app : Application.values()) {
      assertThat(app.environment(layout))
          .as(app.module())
          .doesNotContainKey(Application.TRACES_ENDPOINT_VARIABLE);
    }
  }

  @Test
  void pointsEveryApplicationAtTheTracesEndpoint() {
    Layout traced = layout.withTracesEndpoint(URI.create("http://127.0.0.1:4318/v1/traces"));

    for (Application app : Application.values()) {
      assertThat(app.environment(traced))
          .as(app.module())
          .containsEntry(
              "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
              "http://127.0.0.1:4318/v1/traces");
    }
  }

  @Test
  void givesEveryKafkaClientTheExternalBootstrapServers() {
    Layout external =
        new Layout(3306, 6379, "broker-1:9092,broker-2:9092", Layout.appPorts(8080), 8090, null);

    assertThat(Application.AUDIT.environment(external))
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092");
    assertThat(Application.SUBSCRIPTION.environment(external))
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092");
    assertThat(Application.GATEWAY.environment(external))
        .doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void givesEveryRedisClientTheExternalRedis() {
    Layout external =
        new Layout(3306, 16379, "127.0.0.1:9092", Layout.appPorts(8080), 8090, null, "cache-1");

    for (Application app : List.of(Application.GATEWAY, Application.AUTH, Application.REALTIME)) {
      assertThat(app.environment(external))
          .as(app.module())
          .containsEntry("REDIS_HOST", "cache-1")
          .containsEntry("REDIS_PORT", "16379");
    }
    assertThat(Application.PROFILE.environment(external)).doesNotContainKey("REDIS_HOST");
  }

  @Test
  void probesTheGatewayOnItsManagementPortAndTheServicesOnTheirOwn() {
    assertThat(layout.managementUrl(Application.GATEWAY)).isEqualTo("http://127.0.0.1:8090");
    assertThat(layout.managementUrl(Application.AUTH)).isEqualTo("http://127.0.0.1:8081");
  }

  @Test
  void givesTheGatewaysManagementAFreePortOfItsOwnWhenAskedForAny() {
    var ports = Layout.appPorts(0);

    assertThat(Layout.gatewayManagementPort(0, ports)).isNotIn(ports.values()).isNotZero();
    assertThat(Layout.gatewayManagementPort(8080, Layout.appPorts(8080))).isEqualTo(8090);
  }

  @Test
  void picksDistinctFreePortsWhenAskedForAny() {
    assertThat(Layout.appPorts(0).values()).doesNotHaveDuplicates().doesNotContain(0);
  }
}
