package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ObservabilityFilesTest {

  @Test
  void alertsOnEveryRequiredSignal() {
    List<String> expressions =
        alertRules().stream().map(rule -> rule.get("expr").toString()).toList();
    assertThat(String.join("\n", expressions))
        .as("an alert on each signal")
        .contains("http_server_requests_seconds_count{status=~\"5..\"}")
        .contains("http_server_requests_seconds_bucket")
        .contains("> 0.2")
        .contains("outbox_lag_seconds")
        .contains("kafka_consumer_fetch_manager_records_lag_max")
        .contains("audit_events_total{outcome=\"dead-letter\"}")
        .contains("gateway_rate_limit_rejections_total")
        .contains("gateway_redis_fail_open_total")
        .contains("auth_refresh_token_reuse_total")
        .contains("realtime_connections");
    for (Map<String, Object> rule : alertRules()) {
      assertThat(rule)
          .as("alert %s", rule.get("alert"))
          .containsKeys("alert", "labels", "annotations");
      assertThat(ComposeFile.asMap(rule.get("labels"))).containsKey("severity");
    }
  }

  @Test
  void grafanaKnowsPrometheusAndJaeger() {
    List<Map<String, Object>> datasources =
        list(
            RepositoryFiles.yaml("deploy/grafana/provisioning/datasources/datasources.yml")
                .get("datasources"));
    assertThat(datasources)
        .extracting(
            source -> source.get("type") + " " + source.get("uid") + " " + source.get("url"))
        .containsExactlyInAnyOrder(
            "prometheus prometheus http://prometheus:9090", "jaeger jaeger http://jaeger:16686");
  }

  @Test
  void dashboardsQueryProvisionedDatasourcesAndTheSignals() throws IOException {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(RepositoryFiles.path("deploy/grafana/dashboards"))) {
      dashboards = files.filter(file -> file.toString().endsWith(".json")).toList();
    }
    assertThat(dashboards).hasSizeGreaterThanOrEqualTo(2);
    StringBuilder all = new StringBuilder();
    for (Path file : dashboards) {
      // JSON is YAML: SnakeYAML reads the dashboard and proves it well-formed.
      Map<String, Object> dashboard =
          RepositoryFiles.yaml(RepositoryFiles.ROOT.relativize(file).toString());
      assertThat(dashboard).as("%s", file).containsKeys("uid", "title", "panels");
      for (Map<String, Object> panel : list(dashboard.get("panels"))) {
        assertThat(ComposeFile.asMap(panel.get("datasource")).get("uid"))
            .as("%s panel %s", file.getFileName(), panel.get("title"))
            .isIn("prometheus", "jaeger");
        assertThat(list(panel.get("targets")))
            .as("%s panel %s", file.getFileName(), panel.get("title"))
            .isNotEmpty();
      }
      all.append(Files.readString(file));
    }
    assertThat(all.toString())
        .contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket")
        .contains(
            "/auth/login", "gateway_rate_limit_rejections_total", "auth_refresh_token_reuse_total")
        .contains(
            "outbox_pending", "outbox_lag_seconds", "kafka_consumer_fetch_manager_records_lag_max")
        .contains("realtime_connections")
        .contains("r2dbc_pool_pending_connections", "lettuce_seconds_count");
  }

  private static List<Map<String, Object>> alertRules() {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> group :
        list(RepositoryFiles.yaml("deploy/prometheus/alerts.yml").get("groups"))) {
      rules.addAll(list(group.get("rules")));
    }
    return rules;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
