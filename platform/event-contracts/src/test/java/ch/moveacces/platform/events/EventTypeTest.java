package ch.moveacces.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void hasASchema(EventType type) {
    assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
        .as(type.schemaResource())
        .isNotNull();
  }

  @Test
  void everySchemaFileBelongsToAType() throws IOException, URISyntaxException {
    Path folder = Path.of(getClass().getClassLoader().getResource(EventType.SCHEMA_FOLDER).toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              Arrays.stream(EventType.values()).map(t -> t.type() + ".schema.json").toList());
    }
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void typeIsAnExplicitVersionedString(EventType type) {
    assertThat(type.type())
        .matches(
            "ch\\.moveacces\\.(identity|profile|subscription)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void typeNeverNamesAJavaClass(EventType type) {
    String className =
        Arrays.stream(type.name().split("_"))
            .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
            .collect(Collectors.joining());
    assertThat(type.type())
        .doesNotContain(className, type.name(), EventType.class.getSimpleName(), "$")
        .doesNotContainPattern("[A-Z]")
        .doesNotStartWith(EventType.class.getPackageName() + ".");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void travelsOnItsContextsTopic(EventType type) {
    String context = type.type().split("\\.")[2];
    assertThat(type.topic()).isEqualTo(context + ".events.v1").isIn(Topics.ALL);
  }

  @Test
  void isFoundByItsTypeString() {
    assertThat(EventType.fromType("ch.moveacces.subscription.abonnement-paused.v1"))
        .contains(EventType.ABONNEMENT_PAUSED);
    assertThat(EventType.fromType("AbonnementPaused")).isEmpty();
  }
}
