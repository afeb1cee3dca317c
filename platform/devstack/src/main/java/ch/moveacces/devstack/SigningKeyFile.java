package ch.moveacces.devstack;

import ch.moveacces.platform.signing.NewSigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * auth-service's signing key on the devstack: one ES256 (P-256) key ({@link NewSigningKey}), made
 * at the first start into the data directory as a private JWK set readable by its owner only, and
 * kept across runs and {@code --fresh}, so that tokens issued before a restart still verify.
 * Development only: a real deployment brings its own key.
 */
final class SigningKeyFile {

  static final String NAME = "auth-signing-keys.json";

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
    return NewSigningKey.jwkSet("devstack") + "\n";
  }
}
