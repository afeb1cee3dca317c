package ch.moveacces.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedApiDocumentTest {

  static final String DOCUMENT =
      """
      {"openapi": "3.1.0", "info": {"version": "1", "title": "t"},
       "tags": [{"name": "B"}, {"name": "A"}],
       "paths": {"/x": {"get": {"tags": ["B", "A"], "parameters": [{"name": "q"}, {"name": "p"}]}}}}
      """;

  @TempDir Path directory;

  @Test
  void matchesTheSameApiWrittenInAnotherOrder() throws IOException {
    Path file = directory.resolve("openapi.json");
    Files.writeString(
        file,
        """
        {"paths": {"/x": {"get": {"parameters": [{"name": "q"}, {"name": "p"}], "tags": ["A", "B"]}}},
         "tags": [{"name": "A"}, {"name": "B"}],
         "info": {"title": "t", "version": "1"}, "openapi": "3.1.0"}
        """);

    new CommittedApiDocument(file).assertMatches(ApiDocument.of(DOCUMENT));
  }

  /** Parameters keep their order: it is the order a reader sees them in. */
  @Test
  void failsOnAnyOtherDifference() throws IOException {
    Path file = directory.resolve("openapi.json");
    Files.writeString(
        file,
        DOCUMENT.replace(
            "{\"name\": \"q\"}, {\"name\": \"p\"}", "{\"name\": \"p\"}, {\"name\": \"q\"}"));

    assertThatThrownBy(() -> new CommittedApiDocument(file).assertMatches(ApiDocument.of(DOCUMENT)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("differs from")
        .hasMessageContaining("-Dopenapi.update=true");
  }

  @Test
  void failsWhenNothingIsCommittedYet() {
    Path file = directory.resolve("openapi.json");

    assertThatThrownBy(() -> new CommittedApiDocument(file).assertMatches(ApiDocument.of(DOCUMENT)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Dopenapi.update=true");
  }

  @Test
  void rewritesTheCommittedDocumentInCanonicalForm() throws IOException {
    Path file = directory.resolve("openapi.json");
    Files.writeString(file, "{}");

    new CommittedApiDocument(file).rewrite(ApiDocument.of(DOCUMENT));

    assertThat(Files.readString(file))
        .isEqualTo(ApiDocument.of(DOCUMENT).canonicalText())
        .startsWith("{\n  \"info\"")
        .containsSubsequence("\"name\" : \"A\"", "\"name\" : \"B\"");
    new CommittedApiDocument(file).assertMatches(ApiDocument.of(DOCUMENT));
  }
}
