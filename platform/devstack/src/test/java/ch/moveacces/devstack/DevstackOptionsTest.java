package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DevstackOptionsTest {

  @Test
  void usesTheDocumentedDevelopmentPortsByDefault() {
    DevstackOptions options = DevstackOptions.parse();

    assertThat(options.mariadbPort()).isEqualTo(3306);
    assertThat(options.redisPort()).isEqualTo(6379);
    assertThat(options.kafkaPort()).isEqualTo(9092);
    assertThat(options.gatewayPort()).isEqualTo(8080);
    assertThat(options.dataDir()).isNull();
    assertThat(options.fresh()).isFalse();
    assertThat(options.jsonLogs()).isFalse();
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(options.help()).isFalse();
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
  }

  @Test
  void randomPortsLeavesEveryPortNotGivenToTheSystem() {
    DevstackOptions options = DevstackOptions.parse("--random-ports", "--gateway-port=18080");

    assertThat(options.mariadbPort()).isZero();
    assertThat(options.redisPort()).isZero();
    assertThat(options.kafkaPort()).isZero();
    assertThat(options.gatewayPort()).isEqualTo(18080);
  }

  @Test
  void readsTheOtherFlags() {
    DevstackOptions options =
        DevstackOptions.parse(
            "--fresh", "--json-logs", "--data-dir=target/it-devstack", "--timeout=240");

    assertThat(options.fresh()).isTrue();
    assertThat(options.jsonLogs()).isTrue();
    assertThat(options.dataDir()).isEqualTo(Path.of("target/it-devstack"));
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(240));
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
            "--random-ports",
            "--data-dir=",
            "--fresh",
            "--json-logs",
            "--timeout=",
            "--help")
        .contains("default 3306", "default 8080-8085", "default 180");
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
