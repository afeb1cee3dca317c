package ch.moveacces.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

  @Test
  void decodesWhatItEncoded() {
    PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T09:30:00.123456Z"), 4711);

    assertThat(PageCursor.decode(cursor.encode())).contains(cursor);
  }

  @Test
  void isOpaqueAndSafeInAUrl() {
    String encoded = new PageCursor(Instant.parse("2026-11-25T09:30:00Z"), 4711).encode();

    assertThat(encoded).matches("[A-Za-z0-9_-]+").doesNotContain("2026").doesNotContain("4711");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-cursor",
        "%%%",
        "",
        "2026-11-25T09:30:00Z|7", // not base64url
      })
  void refusesWhatIsNoCursorOfOurs(String cursor) {
    assertThat(PageCursor.decode(cursor)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T09:30:00Z",
        "2026-11-25T09:30:00Z|",
        "2026-11-25T09:30:00Z|seven",
        "2026-11-25T09:30:00Z|0",
        "2026-11-25T09:30:00Z|-7",
        "yesterday|7",
        "|7"
      })
  void refusesACursorWhoseInstantOrIdIsWrong(String plain) {
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(plain.getBytes(StandardCharsets.UTF_8));

    assertThat(PageCursor.decode(encoded)).isEmpty();
  }
}
