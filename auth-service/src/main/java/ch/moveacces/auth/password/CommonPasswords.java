package ch.moveacces.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Passwords too common to accept: every one of 12 to 128 characters among the million most common
 * (shorter ones fail the length rule anyway). Source and licence: see the service's README.
 */
public final class CommonPasswords {

  static final String RESOURCE = "common-passwords.txt";

  private final Set<String> passwords;

  private CommonPasswords(Set<String> passwords) {
    this.passwords = passwords;
  }

  public static CommonPasswords load() {
    try (InputStream in =
            Objects.requireNonNull(
                CommonPasswords.class.getResourceAsStream(RESOURCE), RESOURCE + " is missing");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Set<String> passwords = new HashSet<>(65_536);
      reader
          .lines()
          .filter(line -> !line.isEmpty())
          .map(CommonPasswords::key)
          .forEach(passwords::add);
      return new CommonPasswords(Set.copyOf(passwords));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return passwords.size();
  }

  /** Case does not make a common password uncommon. */
  public boolean contains(String password) {
    return passwords.contains(key(password));
  }

  private static String key(String password) {
    return Passwords.normalise(password).toLowerCase(Locale.ROOT);
  }
}
