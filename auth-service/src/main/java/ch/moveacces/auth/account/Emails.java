package ch.moveacces.auth.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Email addresses as accounts are keyed by: trimmed and lower-cased. */
public final class Emails {

  public static final int MAX_LENGTH = 255;
  private static final int MAX_LOCAL_PART = 64;
  private static final Pattern SHAPE =
      Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+$");

  private Emails() {}

  public static String normalise(@Nullable String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** A plausible address; whether it receives mail is not this check's question. */
  public static boolean isValid(String normalised) {
    return normalised.length() <= MAX_LENGTH
        && SHAPE.matcher(normalised).matches()
        && localPart(normalised).length() <= MAX_LOCAL_PART;
  }

  public static String localPart(String email) {
    int at = email.lastIndexOf('@');
    return at < 0 ? email : email.substring(0, at);
  }
}
