package ch.moveacces.deployment;

import static ch.moveacces.deployment.ComposeFile.DEVELOPMENT;
import static ch.moveacces.deployment.ComposeFile.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each application's environment in the compose files names only what the application reads, and
 * sets what it cannot do without: a misspelt variable would otherwise be ignored in silence and the
 * application would run on its devstack default.
 */
class ApplicationEnvironmentTest {

  /** {@code ${NAME} / ${NAME:default}} in an application.yml, with the default. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  /**
   * Variables the applications read outside their application.yml, each for a reason: Spring Boot's
   * profiles, Boot 4's OTLP span endpoint (service-defaults turns tracing export on once it is
   * set), and the images' own JAVA_OPTS.
   */
  private static final Set<String> READ_BY_EVERY_APPLICATION =
      Set.of(
          "SPRING_PROFILES_ACTIVE",
          "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
          "JAVA_OPTS");

  /** platform/token-verification reads it (TokenDefaultProperties). */
  private static final String JWKS = "AUTH_JWKS_URI";

  /** It verifies tokens over its own keys (AccessTokenDecoder.overLocalKeys), never over HTTP. */
  private static final String SIGNS_TOKENS = "auth-service";

  /** platform/service-defaults sizes the R2DBC pool from these (ConnectionPoolDefaults). */
  private static final String POOL_DEFAULTS =
      "platform/service-defaults/src/main/java/ch/moveacces/platform/defaults/environment/"
          + "ConnectionPoolDefaults.java";

  private static final ComposeFile development = ComposeFile.load(DEVELOPMENT);
  private static final ComposeFile production = ComposeFile.load(PRODUCTION);

  static Stream<String> applications() {
    return development.applications().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("applications")
  void namesOnlyVariablesTheApplicationReads(String service) {
    Set<String> readable = readable(service);
    for (ComposeFile compose : List.of(development, production)) {
      assertThat(ComposeFile.environment(compose.service(service)).keySet())
          .as(
              "%s environment of %s: every name must be one the application reads (%s)",
              compose.name(), service, new TreeSet<>(readable))
          .isSubsetOf(readable);
    }
  }

  @ParameterizedTest
  @MethodSource("applications")
  void setsWhatHasOnlyADevstackDefault(String service) {
    Map<String, String> environment = ComposeFile.environment(development.service(service));
    assertThat(environment.keySet())
        .as("%s must not run on its devstack defaults", service)
        .containsAll(required(service))
        .contains("SERVER_PORT", "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
    assertThat(environment.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
        .isEqualTo("http://jaeger:4318/v1/traces");
    environment.forEach(
        (name, value) -> {
          // browsers' origins (Vite's dev server on the developer's machine), not an address
          if (!name.equals("APP_ORIGINS")) {
            assertThat(value)
                .as("%s reaches nothing on its own loopback (%s)", service, name)
                .doesNotContain("127.0.0.1");
          }
        });
  }

  @ParameterizedTest
  @MethodSource("applications")
  void isCheckedAndScrapedOnItsManagementPort(String service) {
    Map<String, String> environment = ComposeFile.environment(development.service(service));
    String port = environment.getOrDefault("MANAGEMENT_PORT", environment.get("SERVER_PORT"));
    Map<String, Object> healthcheck =
        ComposeFile.asMap(development.service(service).get("healthcheck"));
    assertThat(String.valueOf(healthcheck.get("test")))
        .as("%s health check on its management port", service)
        .isEqualTo(List.of("CMD", "/app/healthcheck", port).toString());
    assertThat(RepositoryFiles.read("deploy/prometheus/prometheus.yml"))
        .as("Prometheus scrapes %s on its management port", service)
        .contains(service + ":" + port);
  }

  /** What the application reads from its environment. */
  private static Set<String> readable(String service) {
    String module = development.applications().get(service);
    Set<String> readable = new LinkedHashSet<>(placeholders(module).keySet());
    readable.addAll(READ_BY_EVERY_APPLICATION);
    if (verifiesTokens(module)) {
      readable.add(JWKS);
    }
    if (usesDatabase(module)) {
      readable.addAll(placeholdersIn(POOL_DEFAULTS).keySet());
    }
    // Spring Boot binds SPRING_X_Y to spring.x.y: the application's own properties, relaxed.
    for (Map<String, Object> document :
        RepositoryFiles.yamlDocuments(module + "/src/main/resources/application.yml")) {
      flatten("", document, readable);
    }
    return readable;
  }

  /** Placeholders with a loopback address, a dev-only secret or a database setting. */
  private static Set<String> required(String service) {
    String module = development.applications().get(service);
    Set<String> required = new LinkedHashSet<>();
    placeholders(module)
        .forEach(
            (name, fallback) -> {
              if (name.startsWith("DB_")
                  || fallback.contains("127.0.0.1")
                  || fallback.contains("dev-only")) {
                required.add(name);
              }
            });
    if (verifiesTokens(module) && !SIGNS_TOKENS.equals(module)) {
      required.add(JWKS);
    }
    return required;
  }

  private static Map<String, String> placeholders(String module) {
    return placeholdersIn(module + "/src/main/resources/application.yml");
  }

  private static Map<String, String> placeholdersIn(String file) {
    Map<String, String> placeholders = new java.util.LinkedHashMap<>();
    Matcher matcher = PLACEHOLDER.matcher(RepositoryFiles.read(file));
    while (matcher.find()) {
      placeholders.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
    }
    return placeholders;
  }

  private static boolean usesDatabase(String module) {
    return RepositoryFiles.read(module + "/pom.xml")
        .contains("<artifactId>spring-boot-starter-data-r2dbc</artifactId>");
  }

  private static boolean verifiesTokens(String module) {
    return RepositoryFiles.read(module + "/pom.xml")
        .contains("<artifactId>token-verification</artifactId>");
  }

  private static void flatten(String prefix, Map<?, ?> map, Set<String> names) {
    map.forEach(
        (key, value) -> {
          String name = prefix.isEmpty() ? key.toString() : prefix + "." + key;
          if (value instanceof Map<?, ?> nested) {
            flatten(name, nested, names);
          } else {
            names.add(name.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT));
          }
        });
  }
}
