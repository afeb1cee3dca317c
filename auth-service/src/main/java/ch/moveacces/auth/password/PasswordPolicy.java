package ch.moveacces.auth.password;

import ch.moveacces.auth.account.Emails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * OWASP ASVS 5.0 / NIST 800-63B: length counts, composition rules do not. 12 to 128 characters
 * after NFKC, not a common password, not containing the email's local part.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  private static final int MIN_LOCAL_PART = 3;

  private final CommonPasswords common;

  public PasswordPolicy() {
    this(CommonPasswords.load());
  }

  PasswordPolicy(CommonPasswords common) {
    this.common = common;
  }

  /** What is wrong with the password, empty when it is acceptable. */
  public List<String> violations(String password, String email) {
    String normalised = Passwords.normalise(password);
    int length = normalised.codePointCount(0, normalised.length());
    List<String> violations = new ArrayList<>();
    if (length < MIN_LENGTH) {
      violations.add("must be at least " + MIN_LENGTH + " characters long");
    } else if (length > MAX_LENGTH) {
      violations.add("must be at most " + MAX_LENGTH + " characters long");
    }
    if (common.contains(normalised)) {
      violations.add("is one of the most common passwords");
    }
    String localPart = Emails.localPart(Emails.normalise(email));
    if (localPart.length() >= MIN_LOCAL_PART
        && normalised.toLowerCase(Locale.ROOT).contains(localPart)) {
      violations.add("must not contain the email address");
    }
    return violations;
  }
}
