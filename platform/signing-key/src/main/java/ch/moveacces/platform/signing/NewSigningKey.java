package ch.moveacces.platform.signing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A new ES256 signing key for auth-service: one EC P-256 key as a private JWK set, the format of
 * {@code AUTH_SIGNING_KEYS} and {@code AUTH_SIGNING_KEYS_FILE}, with a dated key id ({@code
 * <name>-2026-12-07-1a2b3c4d}) that says where and when it was made. The devstack writes one at its
 * first start, auth-service makes a throw-away one in development, and a deployment prints one from
 * the command line with the JDK alone (this file uses nothing else):
 *
 * <pre>java platform/signing-key/src/main/java/ch/moveacces/platform/signing/NewSigningKey.java \
 *     &gt; auth-signing-keys.json</pre>
 *
 * To rotate, put the new key second in the existing set, wait for verifiers' caches (5 min), move
 * it first, and drop the old one after the access tokens it signed have expired (15 min).
 */
public final class NewSigningKey {

  /** What a key id starts with: plain enough to need no escaping in JSON. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final int COORDINATE_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private NewSigningKey() {}

  /**
   * Prints a new key set for a deployment; the key id starts with the name given, else moveacces.
   */
  public static void main(String[] args) {
    System.out.println(jwkSet(args.length > 0 ? args[0] : "moveacces"));
  }

  /** A private JWK set with one new P-256 key, its id dated today (UTC). */
  public static String jwkSet(String name) {
    return jwkSet(name, Clock.systemUTC());
  }

  /**
   * A private JWK set with one new P-256 key, its members in a fixed order: {@code kty, crv, use,
   * alg, kid, x, y, d}.
   *
   * @param name where the key is for (the key id's start), e.g. {@code moveacces} or {@code
   *     devstack}
   * @param clock the key id's date, in UTC whatever the clock's zone
   */
  public static String jwkSet(String name, Clock clock) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a signing key's name is letters, digits, '.', '_' and '-' (at most 64): " + name);
    }
    KeyPair pair = generate();
    ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
    ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
    return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\","
        + "\"kid\":\"%s\",\"x\":\"%s\",\"y\":\"%s\",\"d\":\"%s\"}]}"
            .formatted(
                keyId(name, clock),
                base64Url(publicKey.getW().getAffineX()),
                base64Url(publicKey.getW().getAffineY()),
                base64Url(privateKey.getS()));
  }

  private static String keyId(String name, Clock clock) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return name
        + "-"
        + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
        + "-"
        + HexFormat.of().formatHex(random);
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make P-256 keys", e);
    }
  }

  /** RFC 7518 6.2.1: exactly 32 big-endian unsigned bytes, base64url without padding. */
  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[COORDINATE_BYTES];
    int length = Math.min(bytes.length, COORDINATE_BYTES);
    System.arraycopy(bytes, bytes.length - length, fixed, COORDINATE_BYTES - length, length);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(fixed, (byte) 0);
    return encoded;
  }
}
