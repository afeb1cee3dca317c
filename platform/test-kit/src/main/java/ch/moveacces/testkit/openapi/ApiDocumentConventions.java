package ch.moveacces.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service's OpenAPI document is, as one test: the committed {@code openapi.json} is
 * exactly what the running service publishes at {@code /v3/api-docs}, swagger-parser reads it
 * without a message, and it keeps {@link ApiDocumentRules}. Run with {@code -Dopenapi.update=true}
 * to rewrite the committed document from the service (then review and commit the difference).
 */
public interface ApiDocumentConventions {

  /** Set to {@code true} to rewrite the committed document instead of comparing with it. */
  String UPDATE_PROPERTY = "openapi.update";

  /**
   * A client of the application under test (Spring's, from {@code @AutoConfigureWebTestClient}).
   */
  WebTestClient client();

  /** The committed document, relative to the module's directory (where Maven runs its tests). */
  default Path committedApiDocument() {
    return Path.of("openapi.json");
  }

  @Test
  default void publishesItsCommittedApiDocument() {
    String published =
        client()
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(published).as("the document at /v3/api-docs").isNotBlank();
    ApiDocument document = ApiDocument.of(published);
    CommittedApiDocument committed = new CommittedApiDocument(committedApiDocument());
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      committed.rewrite(document);
    }
    assertThat(document.parserMessages()).as("swagger-parser's messages").isEmpty();
    assertThat(document.ruleViolations()).as("what the document lacks").isEmpty();
    committed.assertMatches(document);
  }
}
