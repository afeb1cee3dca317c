package ch.moveacces.devstack;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * auth-service's signing key on the devstack: one ES256 (P-256) key, generated at the first start
 * into the data directory as a private JWK set readable by its owner only, and kept across runs and
 * {@code --fresh}, so that tokens issued before a restart still verify. Development only: a real
 * deployment brings its own key.
 */
final class SigningKeyFile {

  static final String NAME = "auth-signing-keys.json";
  private static final int COORDINATE_BYTES = 32;

  private SigningKeyFile() {}

  /** The key file in {@code dataDir}, created when absent. */
  static Path ensure(Path dataDir) throws IOException {
    Path file = dataDir.resolve(NAME);
    if (Files.exists(file)) {
      return file;
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException raced) {
      return file;
    }
    Files.writeString(file, jwkSet(), StandardCharsets.US_ASCII);
    return file;
  }

  static String jwkSet() {
    KeyPair pair = generate();
    ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
    ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
    return """
        {"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"%s","x":"%s","y":"%s","d":"%s"}]}
        """
        .formatted(
            "devstack-" + UUID.randomUUID(),
            base64Url(publicKey.getW().getAffineX()),
            base64Url(publicKey.getW().getAffineY()),
            base64Url(privateKey.getS()));
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

  /** RFC 7518: each coordinate as exactly 32 big-endian bytes, base64url without padding. */
  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[COORDINATE_BYTES];
    int length = Math.min(bytes.length, COORDINATE_BYTES);
    System.arraycopy(bytes, bytes.length - length, fixed, COORDINATE_BYTES - length, length);
    Arrays.fill(bytes, (byte) 0);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }
}
