package ch.moveacces.audit.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ended: the last row's {@code occurred_at} and id, the sort key of the trail. The
 * next page starts strictly after it, so rows recorded meanwhile never shift a page. Opaque to
 * clients (base64url).
 */
record PageCursor(Instant occurredAt, long id) {

  private static final String SEPARATOR = "|";

  String encode() {
    String plain = occurredAt + SEPARATOR + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back, or empty when it is no cursor of ours. */
  static Optional<PageCursor> decode(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int separator = plain.indexOf(SEPARATOR);
      if (separator < 0) {
        return Optional.empty();
      }
      long id = Long.parseLong(plain.substring(separator + 1));
      if (id <= 0) {
        return Optional.empty();
      }
      return Optional.of(new PageCursor(Instant.parse(plain.substring(0, separator)), id));
    } catch (IllegalArgumentException | DateTimeParseException notOurs) {
      return Optional.empty();
    }
  }
}
