package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The Caddyfiles and the Prometheus files checked by the tools that run them (skipped, loudly,
 * where a tool is not installed: {@link DeploymentTools}).
 */
class DeploymentToolsTest {

  private static final Map<String, String> PRODUCTION_SITE =
      Map.of(
          "DOMAIN", "api.example.ch",
          "APP_DOMAIN", "app.example.ch",
          "GRAFANA_DOMAIN", "grafana.example.ch",
          "ACME_EMAIL", "ops@example.ch");

  @Test
  void developmentCaddyfileIsValid() throws Exception {
    run(Map.of(), "caddy", "validate", "--config", "deploy/Caddyfile", "--adapter", "caddyfile");
  }

  @Test
  void productionCaddyfileIsValid() throws Exception {
    run(
        PRODUCTION_SITE,
        "caddy",
        "validate",
        "--config",
        "deploy/Caddyfile.prod",
        "--adapter",
        "caddyfile");
  }

  @Test
  void prometheusConfigurationIsValid() throws Exception {
    run(Map.of(), "promtool", "check", "config", "deploy/prometheus/prometheus.yml");
  }

  @Test
  void alertRulesAreValid() throws Exception {
    run(Map.of(), "promtool", "check", "rules", "deploy/prometheus/alerts.yml");
  }

  private static void run(Map<String, String> environment, String... command) throws Exception {
    String tool = command[0];
    DeploymentTools.requireInstalled(tool);
    Path log = Files.createTempFile("moveacces-" + tool, ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(RepositoryFiles.ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        Assertions.fail(String.join(" ", command) + " did not finish within 2 minutes");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s\n%s", String.join(" ", command), output).isZero();
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
