package ch.moveacces.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The email a login body names, normalised as auth-service's {@code Emails.normalise} does and
 * hashed, so that Redis never holds the address itself. The normalisation must stay exactly
 * auth-service's: any spelling it signs in as one account but that hashes differently here gets a
 * login-email limit of its own.
 */
final class LoginEmails {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LoginEmails() {}

  static Optional<String> hashedEmail(byte[] body) {
    try {
      JsonNode email = JSON.readTree(body).path("email");
      if (!email.isString()) {
        return Optional.empty();
      }
      String normalised = normalise(email.stringValue());
      return normalised.isEmpty() ? Optional.empty() : Optional.of(sha256(normalised));
    } catch (JacksonException e) {
      // auth-service answers the malformed body; the address limit still counts it.
      return Optional.empty();
    }
  }

  /** Unicode whitespace ({@code strip()}, not {@code trim()}), then lower case. */
  static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
