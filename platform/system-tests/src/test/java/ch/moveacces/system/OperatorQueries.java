package ch.moveacces.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every PromQL expression the operators rely on: Grafana's panels and Prometheus' alert rules. */
final class OperatorQueries {

  private static final Path DEPLOY = Path.of("../../deploy");

  /** An expression and the file it comes from. */
  record Query(String source, String expression) {}

  private OperatorQueries() {}

  static List<Query> all() {
    List<Query> queries = new ArrayList<>();
    for (Path dashboard : dashboards()) {
      JsonNode root = JsonMapper.builder().build().readTree(dashboard.toFile());
      String source = DEPLOY.relativize(dashboard).toString();
      root.findValues("expr").forEach(expr -> queries.add(new Query(source, expr.asString())));
    }
    for (Map<String, Object> rule : alertRules()) {
      queries.add(
          new Query(
              "prometheus/alerts.yml " + rule.get("alert"), String.valueOf(rule.get("expr"))));
    }
    return queries;
  }

  private static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> alertRules() {
    Map<String, Object> alerts;
    try {
      alerts = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/alerts.yml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
      rules.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return rules;
  }
}
