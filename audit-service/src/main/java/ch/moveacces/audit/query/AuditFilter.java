package ch.moveacces.audit.query;

import ch.moveacces.platform.defaults.problem.FieldErrors;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /audit/events}, checked: {@code from} inclusive, {@code to} exclusive,
 * both RFC 3339 instants; a limit of 1 to 200 (50 when absent); an actor ({@link ActorFilter}).
 */
record AuditFilter(
    @Nullable Long userId,
    @Nullable String type,
    @Nullable Instant from,
    @Nullable Instant to,
    int limit,
    @Nullable PageCursor after,
    @Nullable ActorFilter actor) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,9}");
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,199}");

  /** The filter of these query parameters, without an actor. */
  static AuditFilter of(
      @Nullable String userId,
      @Nullable String type,
      @Nullable String from,
      @Nullable String to,
      @Nullable String limit,
      @Nullable String cursor) {
    return of(userId, type, from, to, limit, cursor, null);
  }

  /** The filter of these query parameters; every one at fault is named in the 422 problem. */
  static AuditFilter of(
      @Nullable String userId,
      @Nullable String type,
      @Nullable String from,
      @Nullable String to,
      @Nullable String limit,
      @Nullable String cursor,
      @Nullable String actor) {
    FieldErrors errors = new FieldErrors();
    Long user = null;
    if (userId != null) {
      if (USER_ID.matcher(userId).matches()) {
        user = Long.parseLong(userId);
      } else {
        errors.add("user_id", "must be a user id (a positive whole number)");
      }
    }
    if (type != null && !TYPE.matcher(type).matches()) {
      errors.add("type", "must be an event type, e.g. ch.moveacces.identity.logged-out.v1");
    }
    TimeWindow window = TimeWindow.of(from, to, errors);
    int size = limit(limit, errors);
    PageCursor after = null;
    if (cursor != null) {
      after = PageCursor.decode(cursor).orElse(null);
      if (after == null) {
        errors.add("cursor", "must be a next_cursor of an earlier page");
      }
    }
    ActorFilter actorFilter = null;
    if (actor != null) {
      actorFilter = ActorFilter.of(actor).orElse(null);
      if (actorFilter == null) {
        errors.add("actor", "must be system, user or a user id (a positive whole number)");
      }
    }
    errors.throwIfAny();
    return new AuditFilter(user, type, window.from(), window.to(), size, after, actorFilter);
  }

  private static int limit(@Nullable String value, FieldErrors errors) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // answered below like any other value out of range
    }
    errors.add("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    return DEFAULT_LIMIT;
  }
}
