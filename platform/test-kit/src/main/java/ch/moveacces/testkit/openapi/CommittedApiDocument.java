package ch.moveacces.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The document under review, as committed: compared with the published one, or rewritten. */
public final class CommittedApiDocument {

  private final Path file;

  public CommittedApiDocument(Path file) {
    this.file = file;
  }

  public void rewrite(ApiDocument published) {
    try {
      Files.writeString(file, published.canonicalText(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file.toAbsolutePath(), e);
    }
  }

  /** Equal once both are in canonical form (keys sorted, unordered lists sorted). */
  public void assertMatches(ApiDocument published) {
    assertThat(file)
        .as(
            "%s: the committed OpenAPI document; create it with -D%s=true",
            file.toAbsolutePath(), ApiDocumentConventions.UPDATE_PROPERTY)
        .isRegularFile();
    String committed;
    try {
      committed = ApiDocument.of(Files.readString(file, StandardCharsets.UTF_8)).canonicalText();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
    }
    assertThat(published.canonicalText())
        .as(
            "the published OpenAPI document differs from %s: if the change is meant, rerun with"
                + " -D%s=true and commit the new document",
            file.toAbsolutePath(), ApiDocumentConventions.UPDATE_PROPERTY)
        .isEqualTo(committed);
  }
}
