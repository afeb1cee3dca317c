package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --caddy}, {@code --zipkin} and their ports, the Zipkin endpoint in every application's
 * environment, caddy found on the PATH or a message saying how to install it.
 */
class SidecarOptionsTest {

  @Test
  void startsNeitherCaddyNorZipkinUnlessAskedTo() {
    DevstackOptions.Tools tools = DevstackOptions.parse().tools();

    assertThat(tools.caddy()).isFalse();
    assertThat(tools.zipkin()).isFalse();
    assertThat(DevstackOptions.parse().fixedPorts().values())
        .doesNotContain("Caddy HTTPS", "Caddy HTTP", "Zipkin");
  }

  @Test
  void givesCaddyAndZipkinTheirDocumentedPortsAndChecksThem() {
    DevstackOptions options = DevstackOptions.parse("--caddy", "--zipkin");

    assertThat(options.tools()).isEqualTo(new DevstackOptions.Tools(true, 8443, 8880, true, 9411));
    assertThat(options.fixedPorts())
        .containsEntry(8443, "Caddy HTTPS")
        .containsEntry(8880, "Caddy HTTP")
        .containsEntry(9411, "Zipkin");
  }

  @Test
  void takesTheirPortsFromTheirFlagsOrAnyFreeOneWithRandomPorts() {
    assertThat(
            DevstackOptions.parse(
                    "--caddy", "--https-port=9443", "--http-port", "9080", "--zipkin-port=19411")
                .tools())
        .isEqualTo(new DevstackOptions.Tools(true, 9443, 9080, false, 19411));
    assertThat(DevstackOptions.parse("--random-ports", "--caddy", "--zipkin").tools())
        .isEqualTo(new DevstackOptions.Tools(true, 0, 0, true, 0));
  }

  @Test
  void helpListsThem() {
    assertThat(DevstackOptions.usage())
        .contains("--caddy", "--https-port=", "--http-port=", "--zipkin", "--zipkin-port=")
        .contains("default 8443", "default 8880", "default 9411");
  }

  @Test
  void sendsEveryApplicationsSpansToZipkinWhenItRuns() {
    Layout layout =
        new Layout(3306, 6379, 9092, Layout.appPorts(8080))
            .withZipkinEndpoint(URI.create("http://127.0.0.1:9411/api/v2/spans"));

    for (Application app : Application.values()) {
      assertThat(app.environment(layout))
          .as(app.module())
          .containsEntry(
              "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://127.0.0.1:9411/api/v2/spans");
    }
    assertThat(Application.AUTH.environment(new Layout(3306, 6379, 9092, Layout.appPorts(8080))))
        .doesNotContainKey("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT");
  }

  @Test
  void findsCaddyOnThePathOrSaysHowToInstallIt(@TempDir Path dir) throws Exception {
    Path caddy = Files.createFile(dir.resolve("caddy"));
    caddy.toFile().setExecutable(true);

    assertThat(Caddy.executable(Map.of("PATH", "/nowhere:" + dir))).isEqualTo(caddy);
    assertThatIllegalStateException()
        .isThrownBy(() -> Caddy.executable(Map.of("PATH", "/nowhere")))
        .withMessageContaining("--caddy needs caddy on the PATH")
        .withMessageContaining("apt-get install caddy");
  }
}
