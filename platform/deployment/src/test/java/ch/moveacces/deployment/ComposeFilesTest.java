package ch.moveacces.deployment;

import static ch.moveacces.deployment.ComposeFile.DEVELOPMENT;
import static ch.moveacces.deployment.ComposeFile.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeFilesTest {

  /**
   * Mounted directories a build makes rather than the repository holds, with the file that shows
   * the build is there to make them: the members' app's output, built by its Maven module.
   */
  private static final Map<String, String> BUILD_OUTPUTS =
      Map.of("./mobile/dist", "mobile/pom.xml");

  private final ComposeFile development = ComposeFile.load(DEVELOPMENT);
  private final ComposeFile production = ComposeFile.load(PRODUCTION);

  @Test
  void runsTheWholeSystem() {
    assertThat(development.services())
        .containsKeys(
            "mysql", "redis", "kafka", "jaeger", "prometheus", "grafana", "caddy", "gateway")
        .containsKeys(
            "auth-service",
            "profile-service",
            "subscription-service",
            "audit-service",
            "realtime-service");
  }

  @ParameterizedTest
  @ValueSource(strings = {DEVELOPMENT, PRODUCTION})
  void referencesOnlyFilesThatExist(String file) {
    ComposeFile compose = ComposeFile.load(file);
    compose
        .services()
        .forEach(
            (name, service) -> {
              Map<String, Object> build = ComposeFile.asMap(service.get("build"));
              if (!build.isEmpty()) {
                String context = build.get("context").toString();
                assertThat(RepositoryFiles.path(context))
                    .as("%s build context", name)
                    .isDirectory();
                assertThat(
                        RepositoryFiles.path(context).resolve(build.get("dockerfile").toString()))
                    .as("%s Dockerfile", name)
                    .isRegularFile();
              }
              for (String source : ComposeFile.bindSources(service)) {
                assertThat(source).as("%s mounts a path of this repository", name).startsWith("./");
                if (BUILD_OUTPUTS.containsKey(source)) {
                  assertThat(RepositoryFiles.path(BUILD_OUTPUTS.get(source)))
                      .as("%s mounts %s, which a build makes", name, source)
                      .isRegularFile();
                  continue;
                }
                assertThat(Files.exists(RepositoryFiles.path(source)))
                    .as("%s mounts %s, which must exist", name, source)
                    .isTrue();
              }
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {DEVELOPMENT, PRODUCTION})
  void pinsEveryImage(String file) {
    ComposeFile.load(file)
        .services()
        .forEach(
            (name, service) -> {
              Object image = service.get("image");
              if (image == null) {
                return;
              }
              String resolved = RepositoryFiles.interpolate(image.toString());
              String afterRegistry = resolved.substring(resolved.lastIndexOf('/') + 1);
              assertThat(afterRegistry).as("%s image %s has a tag", name, image).contains(":");
              String tag = afterRegistry.substring(afterRegistry.indexOf(':') + 1);
              assertThat(tag).as("%s image %s", name, image).isNotBlank().isNotEqualTo("latest");
            });
    assertThat(development.service("mysql").get("image").toString()).startsWith("mysql:8.0.");
    assertThat(development.service("redis").get("image").toString()).startsWith("redis:7.");
    assertThat(development.service("kafka").get("image").toString()).startsWith("apache/kafka:");
  }

  @ParameterizedTest
  @ValueSource(strings = {DEVELOPMENT, PRODUCTION})
  void publishesPortsOnlyThroughCaddy(String file) {
    ComposeFile.load(file)
        .services()
        .forEach(
            (name, service) -> {
              if (!name.equals("caddy")) {
                assertThat(service).as("%s publishes no port", name).doesNotContainKey("ports");
              }
            });
  }

  /** In development the members' app has a port of its own; in production a host name. */
  @Test
  void caddyPublishesHttpAndHttpsOnly() {
    assertThat(publishedPorts(development.service("caddy")))
        .containsExactlyInAnyOrder("80", "443", "443/udp", "4443", "4443/udp");
    assertThat(publishedPorts(production.service("caddy")))
        .containsExactlyInAnyOrder("80", "443", "443/udp");
  }

  private static List<String> publishedPorts(Map<String, Object> service) {
    return ((List<?>) service.get("ports"))
        .stream().map(port -> port.toString().substring(port.toString().indexOf(':') + 1)).toList();
  }

  /**
   * Caddy serves the app's build output as it is, read-only; a missing build stops {@code up}
   * instead of Docker creating an empty directory (owned by root) in its place.
   */
  @Test
  void caddyServesTheBuiltAppReadOnly() {
    Map<String, Object> mount =
        ((List<?>) development.service("caddy").get("volumes"))
            .stream()
                .filter(volume -> volume instanceof Map<?, ?>)
                .map(ComposeFile::<Object>asMap)
                .filter(volume -> "./mobile/dist".equals(volume.get("source")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("caddy does not mount ./mobile/dist"));
    assertThat(mount)
        .containsEntry("type", "bind")
        .containsEntry("target", "/srv/app")
        .containsEntry("read_only", true);
    assertThat(ComposeFile.asMap(mount.get("bind"))).containsEntry("create_host_path", false);
    for (String caddyfile : List.of("deploy/Caddyfile", "deploy/Caddyfile.prod")) {
      assertThat(RepositoryFiles.read(caddyfile))
          .as("%s serves the app from the mount", caddyfile)
          .contains("root * {$APP_DIST:/srv/app}");
    }
  }

  /**
   * The gateway's CORS, auth-service's check of the refresh cookie and realtime-service's sockets
   * read one list of the app's origins; in production it defaults to the origin Caddy serves the
   * app at.
   */
  @Test
  void gatewayAuthAndRealtimeServiceShareTheAppsOrigins() {
    for (ComposeFile compose : List.of(development, production)) {
      String gateway = ComposeFile.environment(compose.service("gateway")).get("APP_ORIGINS");
      String auth = ComposeFile.environment(compose.service("auth-service")).get("APP_ORIGINS");
      String realtime =
          ComposeFile.environment(compose.service("realtime-service")).get("APP_ORIGINS");
      assertThat(gateway).as("%s gateway APP_ORIGINS", compose.name()).isNotNull();
      assertThat(auth).as("%s auth-service APP_ORIGINS", compose.name()).isEqualTo(gateway);
      assertThat(realtime).as("%s realtime-service APP_ORIGINS", compose.name()).isEqualTo(gateway);
    }
    assertThat(
            RepositoryFiles.interpolate(
                ComposeFile.environment(development.service("gateway")).get("APP_ORIGINS")))
        .as("the app as Caddy serves it in development (deploy/Caddyfile)")
        .startsWith("https://localhost:4443,");
    assertThat(ComposeFile.environment(production.service("gateway")).get("APP_ORIGINS"))
        .isEqualTo(
            "${APP_ORIGINS:-https://${APP_DOMAIN:?set APP_DOMAIN, the members' app's host name}}");
    assertThat(
            RepositoryFiles.interpolate(
                ComposeFile.environment(production.service("gateway")).get("APP_ORIGINS")))
        .isEqualTo("https://<APP_DOMAIN>");
  }

  @Test
  void keepsTheDataStoresOnTheInternalNetwork() {
    Map<String, Object> networks = ComposeFile.asMap(development.root().get("networks"));
    for (String store : ComposeFile.DATA_STORES) {
      List<String> joined = ComposeFile.networks(development.service(store));
      assertThat(joined).as("%s networks", store).isNotEmpty();
      for (String network : joined) {
        assertThat(ComposeFile.asMap(networks.get(network)).get("internal"))
            .as("%s is only on internal networks, but joins %s", store, network)
            .isEqualTo(true);
      }
    }
  }

  @Test
  void checksTheHealthOfEveryContainer() {
    development
        .services()
        .forEach(
            (name, service) -> {
              Map<String, Object> healthcheck = ComposeFile.asMap(service.get("healthcheck"));
              assertThat(healthcheck.get("test")).as("%s health check", name).isNotNull();
              assertThat(healthcheck.get("disable")).as("%s health check", name).isNotEqualTo(true);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {DEVELOPMENT, PRODUCTION})
  void waitsForDependenciesToBeHealthy(String file) {
    ComposeFile compose = ComposeFile.load(file);
    compose
        .services()
        .forEach(
            (name, service) ->
                ComposeFile.dependsOn(service)
                    .forEach(
                        (dependency, condition) ->
                            assertThat(condition)
                                .as("%s depends on %s", name, dependency)
                                .isEqualTo("service_healthy")));
    assertThat(ComposeFile.dependsOn(development.service("auth-service")))
        .containsKeys("mysql", "redis", "kafka");
    assertThat(ComposeFile.dependsOn(development.service("caddy"))).containsKey("gateway");
  }

  @Test
  void runsApplicationsReadOnlyWithAnExecutableTmp() {
    development
        .applications()
        .keySet()
        .forEach(
            name -> {
              Map<String, Object> service = development.service(name);
              assertThat(service.get("read_only")).as("%s read-only root", name).isEqualTo(true);
              assertThat(String.valueOf(service.get("tmpfs")))
                  .as("%s /tmp: JNA (argon2) and Netty load native libraries from it", name)
                  .contains("/tmp:")
                  .contains("exec")
                  .doesNotContain("noexec");
            });
  }

  /**
   * Behind the gateway a service sees the gateway's address as its peer: it must believe the
   * gateway's {@code X-Forwarded-For} (and no one else's), or every session and event would carry
   * the gateway's address as the client's. Every application reads its proxies as {@code
   * TRUSTED_PROXIES} (CIDRs, {@code moveacces.client.trusted-proxies}): the services with a
   * loopback default, the devstack's; the gateway with none by default, and Caddy's address here.
   */
  @Test
  void servicesBelieveTheClientAddressOnlyFromTheGateway() {
    Map<String, Object> backend =
        ComposeFile.asMap(ComposeFile.asMap(development.root().get("networks")).get("backend"));
    Map<String, Object> block =
        ComposeFile.asMap(
            ((List<?>) ComposeFile.asMap(backend.get("ipam")).get("config")).getFirst());
    String subnet = RepositoryFiles.interpolate(block.get("subnet").toString());
    String dynamic = RepositoryFiles.interpolate(block.get("ip_range").toString());
    Map<String, Object> gatewayNetworks =
        ComposeFile.asMap(development.service("gateway").get("networks"));
    String gatewayIp =
        RepositoryFiles.interpolate(
            ComposeFile.asMap(gatewayNetworks.get("backend")).get("ipv4_address").toString());
    assertThat(inSubnet(gatewayIp, subnet))
        .as("the gateway's fixed address %s lies in the backend network %s", gatewayIp, subnet)
        .isTrue();
    assertThat(inSubnet(gatewayIp, dynamic))
        .as("no other container can be given the gateway's address %s (%s)", gatewayIp, dynamic)
        .isFalse();

    List<String> behindTheGateway =
        development.applications().entrySet().stream()
            .filter(application -> !application.getKey().equals("gateway"))
            .filter(
                application ->
                    RepositoryFiles.read(
                            application.getValue() + "/src/main/resources/application.yml")
                        .contains("${TRUSTED_PROXIES:"))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(behindTheGateway)
        .contains("auth-service", "profile-service", "subscription-service");
    String caddyIp =
        RepositoryFiles.interpolate(
            ComposeFile.asMap(
                    ComposeFile.asMap(development.service("caddy").get("networks")).get("edge"))
                .get("ipv4_address")
                .toString());
    assertThat(
            RepositoryFiles.interpolate(
                ComposeFile.environment(development.service("gateway")).get("TRUSTED_PROXIES")))
        .as("the gateway believes X-Forwarded-For from Caddy only")
        .isEqualTo(caddyIp + "/32");
    for (String service : behindTheGateway) {
      assertThat(
              RepositoryFiles.interpolate(
                  ComposeFile.environment(development.service(service)).get("TRUSTED_PROXIES")))
          .as("%s believes X-Forwarded-For from the gateway only", service)
          .isEqualTo(gatewayIp + "/32");
      assertThat(ComposeFile.environment(production.service(service)))
          .as("%s in production keeps the development setting", service)
          .doesNotContainKey("TRUSTED_PROXIES");
    }
  }

  private static boolean inSubnet(String address, String cidr) {
    String[] block = cidr.split("/");
    int bits = Integer.parseInt(block[1]);
    int mask = bits == 0 ? 0 : -1 << (32 - bits);
    return (ipv4(address) & mask) == (ipv4(block[0]) & mask);
  }

  private static int ipv4(String address) {
    int value = 0;
    for (String octet : address.split("\\.")) {
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  @Test
  void loadsTheLegacySchemaAccountsAndSeedIntoMysql() {
    Map<String, Object> mysql = development.service("mysql");
    assertThat(ComposeFile.bindSources(mysql))
        .contains(
            "./platform/legacy-schema/src/main/resources/ch/moveacces/legacy",
            "./deploy/mysql/10-moveacces.sh");
    assertThat(Files.isExecutable(RepositoryFiles.path("deploy/mysql/10-moveacces.sh")))
        .as("the official image runs an executable init script, and sources any other")
        .isTrue();
    assertThat(ComposeFile.environment(mysql))
        .containsKeys(
            "MYSQL_ROOT_PASSWORD",
            "AUTH_DB_PASSWORD",
            "PROFILE_DB_PASSWORD",
            "SUBSCRIPTION_DB_PASSWORD",
            "AUDIT_DB_PASSWORD",
            "AUDIT_MIGRATOR_DB_PASSWORD",
            "MOVEACCES_SEED");
    String script = RepositoryFiles.read("deploy/mysql/10-moveacces.sh");
    for (String variable : passwordVariablesOfServiceAccounts()) {
      assertThat(script).as("the init script fills %s", variable).contains(variable);
    }
    assertThat(script).contains("legacy-schema.sql", "service-accounts.sql", "seed-data.sql");
  }

  @Test
  void productionUsesAnExternalMysqlWithoutSeedOrDevelopmentSettings() {
    assertThat((List<?>) production.service("mysql").get("profiles"))
        .as("no mysql container in a production start")
        .isNotEmpty();
    development
        .services()
        .forEach(
            (name, service) -> {
              if (ComposeFile.dependsOn(service).containsKey("mysql")) {
                Map<String, Object> override = production.service(name);
                assertThat(ComposeFile.dependsOn(override))
                    .as("%s must not wait for a mysql container in production", name)
                    .isNotEmpty()
                    .doesNotContainKey("mysql");
                assertThat(ComposeFile.environment(override).get("DB_HOST"))
                    .as("%s DB_HOST in production", name)
                    .startsWith("${DB_HOST:?");
                assertThat(ComposeFile.networks(override))
                    .as("%s needs a network with a way out to the external MySQL", name)
                    .contains("database");
              }
            });
    Map<String, String> gateway = ComposeFile.environment(production.service("gateway"));
    assertThat(gateway.get("SPRING_PROFILES_ACTIVE")).doesNotContain("dev");
    assertThat(gateway).containsEntry("SPRINGDOC_SWAGGERUI_ENABLED", "false");
    Map<String, String> auth = ComposeFile.environment(production.service("auth-service"));
    assertThat(auth)
        .containsEntry("AUTH_DEV_EPHEMERAL_KEY", "false")
        .containsEntry("AUTH_DEV_ACCOUNTS", "false")
        .containsKey("AUTH_SIGNING_KEYS_FILE");
    ComposeFile.asMap(production.root().get("services"))
        .forEach(
            (name, service) ->
                ComposeFile.environment(ComposeFile.asMap(service))
                    .forEach(
                        (key, value) ->
                            assertThat(value)
                                .as("%s %s in production", name, key)
                                .doesNotContain("dev-only")));
  }

  @Test
  void productionServesTheRealDomainWithAcme() {
    Map<String, Object> caddy = production.service("caddy");
    assertThat(ComposeFile.environment(caddy)).containsKeys("DOMAIN", "ACME_EMAIL");
    for (String required : List.of("DOMAIN", "APP_DOMAIN", "GRAFANA_DOMAIN", "ACME_EMAIL")) {
      assertThat(ComposeFile.environment(caddy).get(required))
          .as("caddy's %s in production", required)
          .startsWith("${" + required + ":?");
    }
    assertThat((List<?>) caddy.get("volumes"))
        .anyMatch(volume -> volume.toString().startsWith("./deploy/Caddyfile.prod:"));
  }

  private static List<String> passwordVariablesOfServiceAccounts() {
    return RepositoryFiles.variables(
            RepositoryFiles.read(
                "platform/legacy-schema/src/main/resources/ch/moveacces/legacy/service-accounts.sql"))
        .stream()
        .filter(name -> name.endsWith("_DB_PASSWORD"))
        .distinct()
        .toList();
  }
}
