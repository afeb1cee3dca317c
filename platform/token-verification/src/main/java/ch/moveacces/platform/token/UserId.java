package ch.moveacces.platform.token;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A user's id, {@code users.user_id}, as a token's {@code sub} carries it: a positive number.
 *
 * @param value the id, at least 1
 */
public record UserId(@JsonValue long value) {

  public UserId {
    if (value < 1) {
      throw new IllegalArgumentException("A user id is a positive number");
    }
  }

  /** The user id a {@code sub} claim names; fails on anything but a positive decimal number. */
  public static UserId parse(String subject) {
    if (subject.isEmpty()
        || subject.length() > 19
        || !subject.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("A user id is a positive decimal number");
    }
    return new UserId(Long.parseLong(subject));
  }

  /** Whether a {@code sub} claim names a user id. */
  public static boolean isValid(String subject) {
    try {
      parse(subject);
      return true;
    } catch (IllegalArgumentException notAUserId) {
      return false;
    }
  }

  /** The decimal form, as in {@code sub}. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
