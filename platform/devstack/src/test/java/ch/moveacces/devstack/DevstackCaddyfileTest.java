package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devstack's Caddyfile made from the real {@code deploy/Caddyfile}, and {@code caddy validate}
 * of it when caddy is installed.
 */
class DevstackCaddyfileTest {

  private static final Path DEPLOY_CADDYFILE = Path.of("../../deploy/Caddyfile");

  @Test
  void takesTheProductionHardeningAndSiteAndPointsThemAtTheDevstack(@TempDir Path dir)
      throws Exception {
    String deploy = Files.readString(DEPLOY_CADDYFILE);

    String caddyfile = DevstackCaddyfile.render(deploy, 18080, 18443, 18880, dir.resolve("data"));

    assertThat(caddyfile)
        .contains(DevstackCaddyfile.block(deploy, "(hardening)"))
        .contains("replace ticket REDACTED", "Strict-Transport-Security", "encode zstd gzip")
        .contains("tls internal", "import hardening", "max_size 64KB", "respond @actuator 404")
        .contains(
            "request_header -traceparent", "request_header -tracestate", "request_header -baggage")
        .contains("reverse_proxy 127.0.0.1:18080")
        .doesNotContain("gateway:8080", "grafana", "jaeger", "admin localhost")
        .contains("admin off", "skip_install_trust", "http_port 18880", "https_port 18443")
        .contains("storage file_system \"" + dir.resolve("data").toAbsolutePath() + "\"")
        .contains("redir https://{host}:18443{uri} 308");
  }

  @Test
  void findsABlockUpToItsOwnClosingBrace() {
    String caddyfile =
        """
        (hardening) {
        \theader {
        \t\tX-A "{not a brace that counts}" # a comment with a {
        \t}
        }

        localhost {
        \treverse_proxy gateway:8080
        }
        """;

    assertThat(DevstackCaddyfile.block(caddyfile, "(hardening)"))
        .startsWith("(hardening) {")
        .endsWith("\t}\n}")
        .doesNotContain("localhost");
    assertThatIllegalStateException()
        .isThrownBy(() -> DevstackCaddyfile.block(caddyfile, "example.com"))
        .withMessageContaining("no block example.com");
  }

  @Test
  void isAConfigurationCaddyAccepts(@TempDir Path dir) throws Exception {
    Optional<Path> caddy = Caddy.onPath(System.getenv().getOrDefault("PATH", ""));
    String missing =
        "caddy is not installed: `caddy validate` of the devstack's Caddyfile did NOT run";
    if (caddy.isEmpty()
        && "true".equalsIgnoreCase(System.getenv("MOVEACCES_DEPLOY_TOOLS_REQUIRED"))) {
      Assertions.fail(missing + "; MOVEACCES_DEPLOY_TOOLS_REQUIRED=true makes that a failure");
    }
    Assumptions.assumeTrue(caddy.isPresent(), missing);
    Path caddyfile = dir.resolve("Caddyfile");
    Files.writeString(
        caddyfile,
        DevstackCaddyfile.render(
            Files.readString(DEPLOY_CADDYFILE), 18080, 18443, 18880, dir.resolve("data")));
    Process validate =
        new ProcessBuilder(
                caddy.orElseThrow().toString(),
                "validate",
                "--config",
                caddyfile.toString(),
                "--adapter",
                "caddyfile")
            .redirectErrorStream(true)
            .start();
    String output = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(validate.exitValue()).as(output).isZero();
  }
}
