package ch.moveacces.devstack;

import ch.moveacces.legacy.LegacyDatabase;
import ch.moveacces.legacy.ServiceAccount;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The applications the devstack runs, in the order of their default ports, and the environment each
 * one reads its engines and peers from.
 */
enum Application {
  GATEWAY("gateway", null, true, false),
  AUTH("auth-service", ServiceAccount.AUTH, true, true),
  PROFILE("profile-service", ServiceAccount.PROFILE, false, true),
  SUBSCRIPTION("subscription-service", ServiceAccount.SUBSCRIPTION, false, true),
  AUDIT("audit-service", ServiceAccount.AUDIT, false, true),
  REALTIME("realtime-service", null, true, true);

  static final String HOST = "127.0.0.1";

  /** {@code management.opentelemetry.tracing.export.otlp.endpoint}, Boot 4's OTLP span target. */
  static final String TRACES_ENDPOINT_VARIABLE =
      "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";

  /**
   * {@code management.tracing.export.zipkin.endpoint}: spans to Zipkin as well (service-defaults).
   */
  static final String ZIPKIN_ENDPOINT_VARIABLE = "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT";

  private final String module;
  private final ServiceAccount account;
  private final boolean usesRedis;
  private final boolean usesKafka;

  Application(String module, ServiceAccount account, boolean usesRedis, boolean usesKafka) {
    this.module = module;
    this.account = account;
    this.usesRedis = usesRedis;
    this.usesKafka = usesKafka;
  }

  /** The Maven module, the process's name in the logs and in devstack.json. */
  String module() {
    return module;
  }

  /** Its port after the gateway's: the gateway 8080, auth-service 8081, and so on. */
  int portOffset() {
    return ordinal();
  }

  /**
   * What the application reads at start-up. Passwords travel only here, never on the command line
   * where {@code ps} would show them.
   */
  Map<String, String> environment(Layout layout) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVER_PORT", String.valueOf(layout.port(this)));
    if (account != null) {
      env.put("DB_HOST", HOST);
      env.put("DB_PORT", String.valueOf(layout.mariadbPort()));
      env.put("DB_NAME", LegacyDatabase.NAME);
      env.put("DB_USERNAME", account.username());
      env.put("DB_PASSWORD", account.password());
      if (account.hasOwnMigrator()) {
        env.put("DB_MIGRATION_USERNAME", account.migrator().username());
        env.put("DB_MIGRATION_PASSWORD", account.migrator().password());
      }
    }
    if (usesRedis) {
      env.put("REDIS_HOST", layout.redisHost());
      env.put("REDIS_PORT", String.valueOf(layout.redisPort()));
    }
    if (usesKafka) {
      env.put("KAFKA_BOOTSTRAP_SERVERS", layout.kafkaBootstrapServers());
    }
    if (layout.tracesEndpoint() != null) {
      // Boot exports spans over OTLP only when this is set; each under its spring.application.name.
      env.put(TRACES_ENDPOINT_VARIABLE, layout.tracesEndpoint().toString());
    }
    if (layout.zipkinEndpoint() != null) {
      env.put(ZIPKIN_ENDPOINT_VARIABLE, layout.zipkinEndpoint().toString());
    }
    // Every application verifies tokens against auth-service's keys (ADR 0005).
    env.put("AUTH_JWKS_URI", layout.url(AUTH) + "/.well-known/jwks.json");
    if (this == AUTH) {
      env.put("AUTH_DEV_ACCOUNTS", "true");
    }
    if (acceptsAppOrigins() && !layout.appOrigins().isEmpty()) {
      env.put(AppOrigins.VARIABLE, String.join(",", layout.appOrigins()));
    }
    if (this == GATEWAY) {
      env.put("MANAGEMENT_PORT", String.valueOf(layout.gatewayManagementPort()));
      // The devstack is a development machine: the gateway serves the API docs at /docs.
      env.put("SPRING_PROFILES_ACTIVE", "dev");
      for (Application route : values()) {
        if (route != GATEWAY) {
          env.put(route.uriVariable(), layout.url(route));
        }
      }
    }
    return env;
  }

  /** As {@link #environment(Layout)}, and for auth-service the devstack's signing key file. */
  Map<String, String> environment(Layout layout, Path signingKeys) {
    Map<String, String> env = environment(layout);
    if (this == AUTH) {
      env.put("AUTH_SIGNING_KEYS_FILE", signingKeys.toString());
    }
    return env;
  }

  /** Whether it reads {@code moveacces.app-origins}: what a browser's Origin may be. */
  boolean acceptsAppOrigins() {
    return this == GATEWAY || this == AUTH || this == REALTIME;
  }

  /** {@code AUTH_SERVICE_URI} for auth-service: how the gateway finds it. */
  String uriVariable() {
    return module.toUpperCase(Locale.ROOT).replace('-', '_') + "_URI";
  }
}
