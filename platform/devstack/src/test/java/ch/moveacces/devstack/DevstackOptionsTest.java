package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command line, {@code --kafka}, {@code --otlp-endpoint} and its environment variable among
 * them.
 */
class DevstackOptionsTest {

  @Test
  void usesTheDocumentedDevelopmentPortsByDefault() {
    DevstackOptions options = DevstackOptions.parse();

    assertThat(options.mariadbPort()).isEqualTo(3306);
    assertThat(options.redisPort()).isEqualTo(6379);
    assertThat(options.kafkaPort()).isEqualTo(9092);
    assertThat(options.gatewayPort()).isEqualTo(8080);
    assertThat(options.appPort()).isEqualTo(8086);
    assertThat(options.fixedPorts()).containsEntry(8086, "app");
    assertThat(options.dataDir()).isNull();
    assertThat(options.fresh()).isFalse();
    assertThat(options.jsonLogs()).isFalse();
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(options.help()).isFalse();
    assertThat(options.externalKafka()).isNull();
    assertThat(options.otlpEndpoint()).isNull();
    assertThat(options.tracesEndpoint()).isNull();
  }

  @Test
  void usesAnExternalKafkaAndLeavesItsPortUnchecked() {
    DevstackOptions options = DevstackOptions.parse("--kafka=127.0.0.1:19092");

    assertThat(options.externalKafka()).isEqualTo("127.0.0.1:19092");
    assertThat(options.fixedPorts()).doesNotContainValue("Kafka").containsEntry(3306, "MariaDB");
    assertThat(DevstackOptions.parse().fixedPorts()).containsEntry(9092, "Kafka");
  }

  @Test
  void usesAnExternalRedisAndLeavesItsPortUnchecked() {
    DevstackOptions options = DevstackOptions.parse("--redis", "127.0.0.1:16379");

    assertThat(options.externalRedis()).isEqualTo("127.0.0.1:16379");
    assertThat(options.fixedPorts()).doesNotContainValue("Redis").containsEntry(3306, "MariaDB");
    assertThat(DevstackOptions.parse().externalRedis()).isNull();
    assertThat(DevstackOptions.parse().fixedPorts()).containsEntry(6379, "Redis");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--redis=localhost"))
        .withMessageContaining("HOST:PORT");
  }

  @Test
  void takesAValueAsTheNextArgumentToo() {
    DevstackOptions options =
        DevstackOptions.parse(
            "--kafka", "broker-1:9092,broker-2:9092", "--otlp-endpoint", "http://localhost:4318");

    assertThat(options.externalKafka()).isEqualTo("broker-1:9092,broker-2:9092");
    assertThat(options.otlpEndpoint()).hasToString("http://localhost:4318");
  }

  @Test
  void sendsTracesToTheOtlpTracesPathUnderTheEndpoint() {
    assertThat(DevstackOptions.parse("--otlp-endpoint=http://localhost:4318").tracesEndpoint())
        .hasToString("http://localhost:4318/v1/traces");
    assertThat(
            DevstackOptions.parse("--otlp-endpoint=http://collector:4318/otlp/").tracesEndpoint())
        .hasToString("http://collector:4318/otlp/v1/traces");
  }

  @Test
  void takesTheOtlpEndpointFromOpenTelemetrysVariableUnlessGiven() {
    Map<String, String> environment =
        Map.of(DevstackOptions.OTLP_ENDPOINT_VARIABLE, "http://jaeger:4318");

    assertThat(DevstackOptions.parse(environment).otlpEndpoint()).hasToString("http://jaeger:4318");
    assertThat(
            DevstackOptions.parse(environment, "--otlp-endpoint=http://other:4318").otlpEndpoint())
        .hasToString("http://other:4318");
    assertThat(
            DevstackOptions.parse(Map.of(DevstackOptions.OTLP_ENDPOINT_VARIABLE, " "))
                .otlpEndpoint())
        .isNull();
  }

  @Test
  void rejectsAKafkaOrOtlpEndpointItCannotUse() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--kafka=localhost"))
        .withMessageContaining("HOST:PORT");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--kafka=localhost:99999"))
        .withMessageContaining("between 1 and 65535");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--otlp-endpoint=localhost:4318"))
        .withMessageContaining("http(s) URL");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--kafka", "--fresh"))
        .withMessageContaining("needs a value");
  }

  @Test
  void takesEachPortFromItsFlag() {
    DevstackOptions options =
        DevstackOptions.parse(
            "--mariadb-port=13306",
            "--redis-port=16379",
            "--kafka-port=19092",
            "--gateway-port=18080");

    assertThat(options.mariadbPort()).isEqualTo(13306);
    assertThat(options.redisPort()).isEqualTo(16379);
    assertThat(options.kafkaPort()).isEqualTo(19092);
    assertThat(options.gatewayPort()).isEqualTo(18080);
    assertThat(options.appPort()).as("6 above the gateway's").isEqualTo(18086);
    assertThat(DevstackOptions.parse("--app-port=9000").appPort()).isEqualTo(9000);
    assertThat(DevstackOptions.parse("--app-port", "9000").fixedPorts()).containsEntry(9000, "app");
  }

  @Test
  void randomPortsLeavesEveryPortNotGivenToTheSystem() {
    DevstackOptions options = DevstackOptions.parse("--random-ports", "--gateway-port=18080");

    assertThat(options.mariadbPort()).isZero();
    assertThat(options.redisPort()).isZero();
    assertThat(options.kafkaPort()).isZero();
    assertThat(options.gatewayPort()).isEqualTo(18080);
    assertThat(options.appPort()).isZero();
    assertThat(options.fixedPorts()).doesNotContainValue("app");
    assertThat(DevstackOptions.parse("--random-ports", "--app-port=9000").appPort())
        .isEqualTo(9000);
  }

  @Test
  void readsTheOtherFlags() {
    DevstackOptions options =
        DevstackOptions.parse(
            "--fresh",
            "--json-logs",
            "--data-dir=target/it-devstack",
            "--timeout=240",
            "--copy-jars");

    assertThat(options.fresh()).isTrue();
    assertThat(options.jsonLogs()).isTrue();
    assertThat(options.dataDir()).isEqualTo(Path.of("target/it-devstack"));
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(240));
    assertThat(options.copyJars()).isTrue();
    assertThat(DevstackOptions.parse().copyJars()).isFalse();
  }

  @Test
  void asksForHelpWithEitherSpelling() {
    assertThat(DevstackOptions.parse("--help").help()).isTrue();
    assertThat(DevstackOptions.parse("-h").help()).isTrue();
  }

  @Test
  void helpListsEveryFlag() {
    assertThat(DevstackOptions.usage())
        .contains(
            "--mariadb-port=",
            "--redis-port=",
            "--kafka-port=",
            "--gateway-port=",
            "--app-port=",
            "--random-ports",
            "--data-dir=",
            "--fresh",
            "--json-logs",
            "--timeout=",
            "--kafka=",
            "--otlp-endpoint=",
            "--copy-jars",
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            "--help")
        .contains("default 3306", "default 8080-8085", "port + 6, 8086", "default 180");
  }

  @Test
  void rejectsWhatItDoesNotKnow() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--verbose"))
        .withMessageContaining("unknown option --verbose");
  }

  @Test
  void rejectsPortsThatAreNotPorts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--mariadb-port=abc"))
        .withMessageContaining("--mariadb-port");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--redis-port=70000"))
        .withMessageContaining("between 1 and 65535");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--kafka-port=0"))
        .withMessageContaining("positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--gateway-port=65533"))
        .withMessageContaining("five services");
  }

  @Test
  void rejectsAFlagWithoutItsValueOrAValueForAFlag() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--data-dir="))
        .withMessageContaining("needs a value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DevstackOptions.parse("--fresh=yes"))
        .withMessageContaining("takes no value");
  }
}
