package ch.moveacces.audit.query;

import ch.moveacces.platform.defaults.problem.FieldErrors;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code from} (inclusive) and {@code to} (exclusive) of a query on the trail, RFC 3339
 * instants, either open; {@code to} later than {@code from}. One reading for every endpoint.
 */
public record TimeWindow(@Nullable Instant from, @Nullable Instant to) {

  /** The window of these parameters; what is wrong with them goes to {@code errors}. */
  public static TimeWindow of(@Nullable String from, @Nullable String to, FieldErrors errors) {
    Instant fromInstant = instant("from", from, errors);
    Instant toInstant = instant("to", to, errors);
    if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
      errors.add("to", "must be later than from");
    }
    return new TimeWindow(fromInstant, toInstant);
  }

  private static @Nullable Instant instant(
      String name, @Nullable String value, FieldErrors errors) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notRfc3339) {
      errors.add(name, "must be an RFC 3339 date-time, e.g. 2026-11-25T09:30:00Z");
      return null;
    }
  }
}
