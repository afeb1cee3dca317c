package ch.moveacces.auth.password;

import java.text.Normalizer;

/**
 * Passwords are compared and hashed in Unicode NFKC, so that one typed two ways is one password.
 */
public final class Passwords {

  private Passwords() {}

  public static String normalise(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }
}
