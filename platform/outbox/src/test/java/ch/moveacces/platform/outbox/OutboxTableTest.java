package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboxTableTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"", "outbox auth", "outbox_auth; DROP TABLE users", "db.outbox", "1outbox"})
  void refusesAnythingButAPlainTableName(String name) {
    assertThatThrownBy(() -> new OutboxTable(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("moveacces.outbox.table");
  }

  @Test
  void acceptsAServiceTableName() {
    assertThat(new OutboxTable("outbox_auth").insert()).startsWith("INSERT INTO outbox_auth ");
  }

  @Test
  void theReadmeShowsTheDdlTheTestsRun() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String template = OutboxFixture.ddl("${table}").strip() + ";";

    assertThat(readme).contains(template);
  }
}
