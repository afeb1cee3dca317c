package ch.moveacces.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The {@code subject} of an event, which is also its Kafka key. */
public final class Subjects {

  static final String EMAIL_HASH_PREFIX = "email-sha256:";

  private Subjects() {}

  public static String user(long userId) {
    if (userId < 1) {
      throw new IllegalArgumentException("A user id is positive: " + userId);
    }
    return Long.toString(userId);
  }

  /**
   * For an email that matches no account (a failed login): its hash keys the attempts on one
   * address together, in order, without writing the address itself into the log.
   */
  public static String unknownEmail(String email) {
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    return EMAIL_HASH_PREFIX + HexFormat.of().formatHex(sha256(normalised));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
