package ch.moveacces.auth.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pair a rotation issued, sealed (AES-256-GCM) under a key derived from the rotated refresh
 * token, so that only a holder of that token can open it again during the grace window. Redis never
 * holds a usable token: the key is not derivable from the stored hash.
 */
final class GraceSeal {

  private static final String KEY_CONTEXT = "moveacces-auth grace seal\n";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private GraceSeal() {}

  static String seal(String rotatedToken, String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed =
        cipher(
            Cipher.ENCRYPT_MODE, rotatedToken, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder()
        .encodeToString(
            ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
  }

  static Optional<String> open(String rotatedToken, String sealed) {
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
      byte[] body = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
      return Optional.of(
          new String(
              cipher(Cipher.DECRYPT_MODE, rotatedToken, nonce, body), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static byte[] cipher(int mode, String token, byte[] nonce, byte[] input) {
    try {
      byte[] key = RefreshTokens.sha256((KEY_CONTEXT + token).getBytes(StandardCharsets.UTF_8));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Grace seal failed", e);
    }
  }
}
