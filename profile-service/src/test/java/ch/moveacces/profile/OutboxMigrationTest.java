package ch.moveacces.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The outbox table is created exactly as the outbox library defines it, so its relay fits. */
class OutboxMigrationTest {

  @Test
  void createsTheOutboxTableOfTheOutboxLibrary() throws IOException {
    String template = resource("ch/moveacces/platform/outbox/outbox-table.sql");
    String migration = resource("db/migration/V1__outbox_profile.sql");

    assertThat(withoutComments(migration))
        .isEqualTo(withoutComments(template.replace("${table}", "outbox_profile")));
  }

  private static String withoutComments(String sql) {
    return sql.lines()
        .filter(line -> !line.startsWith("--"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OutboxMigrationTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
