package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the public entry point must do; `caddy validate` (DeploymentToolsTest) checks syntax. */
class CaddyfilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"deploy/Caddyfile", "deploy/Caddyfile.prod"})
  void hardensTheEntryPoint(String file) {
    assertThat(RepositoryFiles.read(file))
        .contains("@actuator path /actuator /actuator/*", "respond @actuator 404")
        .contains("reverse_proxy gateway:8080")
        .contains("Strict-Transport-Security \"max-age=")
        .contains("encode zstd gzip")
        .contains("request_body {", "max_size ")
        .contains("wrap json")
        .contains("replace ticket REDACTED", "replace token REDACTED")
        .doesNotContain("http://")
        .doesNotContain("auto_https off");
  }

  /**
   * The API's site drops a client's W3C trace context before proxying: the gateway starts every
   * external request's trace, and no trace state or baggage a client made up reaches an event.
   */
  @ParameterizedTest
  @ValueSource(strings = {"deploy/Caddyfile", "deploy/Caddyfile.prod"})
  void dropsTheClientsTraceContextBeforeTheGateway(String file) {
    Caddyfile caddyfile = Caddyfile.load(file);
    String api = file.endsWith(".prod") ? "{$DOMAIN}" : "localhost";
    assertThat(Caddyfile.body(caddyfile.block(api)))
        .contains("reverse_proxy gateway:8080")
        .contains(
            "request_header -traceparent", "request_header -tracestate", "request_header -baggage");
  }

  /** A 502 is written by Caddy's error log, not the access log: it too names the request's URI. */
  @ParameterizedTest
  @ValueSource(strings = {"deploy/Caddyfile", "deploy/Caddyfile.prod"})
  void keepsCredentialsOutOfEveryLogNotOnlyTheAccessLog(String file) {
    String content = RepositoryFiles.read(file);
    String globalOptions = content.substring(0, content.indexOf("(hardening)"));
    assertThat(globalOptions)
        .contains("log default {", "replace ticket REDACTED", "replace token REDACTED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy/Caddyfile"})
  void developmentServesLocalhostWithItsOwnCertificates(String file) {
    assertThat(RepositoryFiles.read(file)).contains("localhost {", "tls internal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy/Caddyfile.prod"})
  void productionServesTheDomainWithAcme(String file) {
    assertThat(RepositoryFiles.read(file))
        .contains("{$DOMAIN} {", "email {$ACME_EMAIL}")
        .doesNotContain("tls internal")
        .doesNotContain("jaeger:", "prometheus:");
  }

  /** The app's site in each file: its own origin, the same snippet, the hardening of the API. */
  @Test
  void servesTheMembersAppOnAnOriginOfItsOwn() {
    Caddyfile development = Caddyfile.load(Caddyfile.DEVELOPMENT);
    Caddyfile production = Caddyfile.load(Caddyfile.PRODUCTION);
    assertThat(Caddyfile.body(development.block(Caddyfile.DEVELOPMENT_APP_SITE)))
        .contains("tls internal", "import hardening", "import app");
    assertThat(Caddyfile.body(production.block(Caddyfile.PRODUCTION_APP_SITE)))
        .contains("import hardening", "import app")
        .doesNotContain("tls internal");
  }

  /**
   * Production serves the app exactly as development does (which CaddyAppSiteTest runs), but for
   * the API's origin.
   */
  @Test
  void servesTheAppAlikeInDevelopmentAndProduction() {
    String development = Caddyfile.load(Caddyfile.DEVELOPMENT).block(Caddyfile.APP_SNIPPET);
    String production = Caddyfile.load(Caddyfile.PRODUCTION).block(Caddyfile.APP_SNIPPET);
    assertThat(development).contains("https://localhost wss://localhost");
    assertThat(production)
        .contains("https://{$DOMAIN} wss://{$DOMAIN}")
        .isEqualTo(
            development
                .replace("https://localhost", "https://{$DOMAIN}")
                .replace("wss://localhost", "wss://{$DOMAIN}"));
  }
}
