package ch.moveacces.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiDocumentRulesTest {

  @Test
  void findsNothingMissingInAWellDescribedDocument() {
    ApiDocument document = fixture("well-described.json");

    assertThat(document.parserMessages()).isEmpty();
    assertThat(document.ruleViolations()).isEmpty();
  }

  /** What a new reader met at /docs before: springdoc's defaults everywhere. */
  @Test
  void namesEverythingABadlyDescribedDocumentLacks() {
    ApiDocument document = fixture("badly-described.json");

    assertThat(document.ruleViolations())
        .containsExactlyInAnyOrder(
            "the document has no title of its own",
            "the document has no version of its own",
            "the document has no description",
            "the document names no server of its own (the gateway), only springdoc's",
            "the document offers no bearer security scheme",
            "GET /audit/events has no summary",
            "GET /audit/events has springdoc's default tag audit-events-controller, not one a"
                + " reader knows",
            "GET /audit/events lacks its problem responses 422, 429, 503",
            "GET /audit/events/{event_id} has the tag Audit trail, which the document does not"
                + " describe",
            "GET /audit/events/{event_id} lacks its problem responses 403",
            "GET /audit/events/{event_id} answers 401 with no application/problem+json content");
  }

  @Test
  void reportsWhatSwaggerParserFindsInvalid() {
    ApiDocument document =
        ApiDocument.of(
            """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/x": {"get": {"responses": {"200": {"content": {}}}, "nonsense": 1}}}}
            """);

    assertThat(document.parserMessages()).isNotEmpty();
  }

  static ApiDocument fixture(String name) {
    try (InputStream in = ApiDocumentRulesTest.class.getResourceAsStream("/openapi/" + name)) {
      assertThat(in).as(name).isNotNull();
      return ApiDocument.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
