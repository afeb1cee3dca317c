package ch.moveacces.auth.token;

import ch.moveacces.platform.signing.NewSigningKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.File;
import java.io.IOException;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The ES256 keys: the first of the set signs, all of them are published, so that a second key can
 * be live while the first is retired.
 */
@Component
public class SigningKeys {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final ECKey signingKey;
  private final ECDSASigner signer;
  private final JWKSet publicKeys;

  @Autowired
  public SigningKeys(SigningKeyProperties properties) {
    this(load(properties));
  }

  SigningKeys(JWKSet keys) {
    if (keys.getKeys().isEmpty()) {
      throw new IllegalStateException("The signing key set holds no key");
    }
    for (JWK key : keys.getKeys()) {
      if (!(key instanceof ECKey ec)
          || !Curve.P_256.equals(ec.getCurve())
          || !ec.isPrivate()
          || ec.getKeyID() == null) {
        throw new IllegalStateException(
            "Every signing key must be a private P-256 (ES256) key with a kid");
      }
    }
    this.signingKey = (ECKey) keys.getKeys().getFirst();
    try {
      this.signer = new ECDSASigner(signingKey);
    } catch (JOSEException e) {
      throw new IllegalStateException("The signing key cannot sign", e);
    }
    this.publicKeys = keys.toPublicJWKSet();
  }

  public String keyId() {
    return signingKey.getKeyID();
  }

  ECDSASigner signer() {
    return signer;
  }

  /** Public parts only: what verifiers need and all they may see. */
  public JWKSet publicKeys() {
    return publicKeys;
  }

  /**
   * A fresh throw-away key, made as the devstack and a deployment make theirs ({@link
   * NewSigningKey}); for development without a key, and for tests.
   */
  public static ECKey generate() {
    try {
      return (ECKey) JWKSet.parse(NewSigningKey.jwkSet("ephemeral")).getKeys().getFirst();
    } catch (ParseException e) {
      throw new IllegalStateException("A new signing key is not a JWK set", e);
    }
  }

  private static JWKSet load(SigningKeyProperties properties) {
    // No cause or message from the parser: it may quote the key material.
    if (hasText(properties.signingKeys())) {
      try {
        return JWKSet.parse(properties.signingKeys());
      } catch (ParseException e) {
        throw new IllegalStateException("AUTH_SIGNING_KEYS is not a JSON JWK set");
      }
    }
    if (hasText(properties.signingKeysFile())) {
      try {
        return JWKSet.load(new File(properties.signingKeysFile()));
      } catch (IOException e) {
        throw new IllegalStateException(
            "AUTH_SIGNING_KEYS_FILE cannot be read: " + properties.signingKeysFile());
      } catch (ParseException e) {
        throw new IllegalStateException(
            "AUTH_SIGNING_KEYS_FILE is not a JSON JWK set: " + properties.signingKeysFile());
      }
    }
    if (properties.devEphemeralKey()) {
      ECKey key = generate();
      log.warn(
          "DEVELOPMENT ONLY: no AUTH_SIGNING_KEYS or AUTH_SIGNING_KEYS_FILE, signing with a"
              + " throw-away key (kid {}); every token dies with this process",
          key.getKeyID());
      return new JWKSet(key);
    }
    throw new IllegalStateException(
        "No signing key: set AUTH_SIGNING_KEYS (a private JWK set) or AUTH_SIGNING_KEYS_FILE"
            + " (moveacces.auth.dev-ephemeral-key=true allows a throw-away key in development)");
  }

  private static boolean hasText(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
