package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app's line in the table and {@code app} in {@code devstack.json}: its URL, or null. */
class StatusReportTest {

  @TempDir Path dir;

  private final Layout layout = new Layout(3306, 6379, 9092, Layout.appPorts(8080));

  @Test
  void namesTheAppsUrlInTheTableAndTheStatusFile() throws Exception {
    StatusReport report = report(URI.create("http://127.0.0.1:8086"));

    assertThat(report.table())
        .contains("  app                    http://127.0.0.1:8086        mobile/dist");
    assertThat(written(report).get("app").get("url").asString()).isEqualTo("http://127.0.0.1:8086");
  }

  @Test
  void saysTheAppIsNotBuiltAndWritesNull() throws Exception {
    StatusReport report = report(null);

    assertThat(report.table())
        .contains("  app                    not built                    mobile/dist");
    JsonNode status = written(report);
    assertThat(status.has("app")).isTrue();
    assertThat(status.get("app").isNull()).isTrue();
    assertThat(status.get("entryPoint").asString()).isEqualTo("http://127.0.0.1:8080");
  }

  private StatusReport report(URI app) {
    return new StatusReport(List.of(), layout, dir, Duration.ofSeconds(28), true, null, null, app);
  }

  private JsonNode written(StatusReport report) throws Exception {
    Path file = dir.resolve(DataDirectory.STATUS_FILE);
    report.write(file);
    return JsonMapper.builder().build().readTree(file.toFile());
  }
}
