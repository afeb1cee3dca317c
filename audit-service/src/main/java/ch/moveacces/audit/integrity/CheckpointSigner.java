package ch.moveacces.audit.integrity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.text.ParseException;
import java.util.List;

/**
 * The private key that signs checkpoints and erasures (ES256, a P-256 key from configuration); its
 * key id is written beside each signature.
 */
final class CheckpointSigner {

  private final ECKey key;

  private CheckpointSigner(ECKey key) {
    this.key = key;
  }

  /**
   * A private EC P-256 JWK, or a JWK set holding exactly one (as {@code make signing-key} prints).
   */
  static CheckpointSigner parse(String privateJwk) {
    try {
      List<JWK> keys = CheckpointKeys.parseKeys(privateJwk);
      if (keys.size() != 1 || !keys.getFirst().isPrivate()) {
        throw new IllegalArgumentException("The checkpoint signing key is one private JWK");
      }
      ECKey key = keys.getFirst().toECKey();
      CheckpointKeys.of(List.of(key));
      return new CheckpointSigner(key);
    } catch (ParseException | IllegalStateException notAnEcKey) {
      throw new IllegalArgumentException(
          "The checkpoint signing key is no EC P-256 private JWK", notAnEcKey);
    }
  }

  String keyId() {
    return key.getKeyID();
  }

  byte[] sign(byte[] statement) {
    try {
      Signature signer = Signature.getInstance(CheckpointKeys.ALGORITHM);
      signer.initSign(key.toECPrivateKey());
      signer.update(statement);
      return signer.sign();
    } catch (JOSEException | GeneralSecurityException unusable) {
      throw new IllegalStateException("Cannot sign with checkpoint key " + keyId(), unusable);
    }
  }

  /** Its public key, to verify what it signed. */
  CheckpointKeys publicKeys() {
    return CheckpointKeys.of(List.of(key));
  }
}
