package ch.moveacces.audit.query;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code actor} query parameter: {@code system} (changes nobody requested, e.g. the expiry
 * job's), {@code user} (any signed-in user's), or a user id (what that user did, for themselves or
 * as an administrator for others).
 */
record ActorFilter(String kind, @Nullable Long userId) {

  static final String SYSTEM = "system";
  static final String USER = "user";

  private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,9}");

  /** The filter this parameter means, or empty when it means none of the three. */
  static Optional<ActorFilter> of(String value) {
    if (SYSTEM.equals(value) || USER.equals(value)) {
      return Optional.of(new ActorFilter(value, null));
    }
    if (USER_ID.matcher(value).matches()) {
      return Optional.of(new ActorFilter(USER, Long.parseLong(value)));
    }
    return Optional.empty();
  }
}
