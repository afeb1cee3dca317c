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
 * The email a login body names, normalised as auth-service does (trimmed, lower case) and hashed,
 * so that Redis never holds the address itself.
 */
final class LoginEmails {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LoginEmails() {}

  static Optional<String> hashedEmail(byte[] body) {
    try {
      JsonNode email = JSON.readTree(body).path("email");
      if (!email.isString() || email.stringValue().isBlank()) {
        return Optional.empty();
      }
      return Optional.of(sha256(email.stringValue().trim().toLowerCase(Locale.ROOT)));
    } catch (JacksonException e) {
      // auth-service answers the malformed body; the address limit still counts it.
      return Optional.empty();
    }
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
