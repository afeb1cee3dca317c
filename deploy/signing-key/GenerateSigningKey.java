import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a new private JWK set with one EC P-256 key (ES256) for auth-service's
 * AUTH_SIGNING_KEYS_FILE, with the JDK alone:
 *
 * <pre>java deploy/signing-key/GenerateSigningKey.java > auth-signing-keys.json</pre>
 *
 * To rotate, put the new key second in the existing set, wait for verifiers' caches (5 min), move
 * it first, and drop the old one after the access tokens it signed have expired (15 min).
 */
public class GenerateSigningKey {

  public static void main(String[] args) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    var pair = generator.generateKeyPair();
    var publicKey = (ECPublicKey) pair.getPublic();
    var privateKey = (ECPrivateKey) pair.getPrivate();
    String kid = "moveacces-" + LocalDate.now() + "-" + UUID.randomUUID().toString().substring(0, 8);
    System.out.printf(
        "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\","
            + "\"kid\":\"%s\",\"x\":\"%s\",\"y\":\"%s\",\"d\":\"%s\"}]}%n",
        kid,
        coordinate(publicKey.getW().getAffineX()),
        coordinate(publicKey.getW().getAffineY()),
        coordinate(privateKey.getS()));
  }

  /** A 32-byte big-endian unsigned integer, base64url without padding (RFC 7518 6.2.1). */
  private static String coordinate(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }
}
