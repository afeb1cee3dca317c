package ch.moveacces.audit.integrity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys checkpoints and erasures are verified with, by key id: the current signing key's
 * and the previous ones', which must stay known for as long as what they signed is kept.
 */
final class CheckpointKeys {

  /** ES256 as JWS writes it: the 64 bytes r || s, not DER. */
  static final String ALGORITHM = "SHA256withECDSAinP1363Format";

  private final Map<String, ECKey> keys;

  private CheckpointKeys(Map<String, ECKey> keys) {
    // in their order: the signing key first (Map.copyOf would lose it)
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  static CheckpointKeys of(List<ECKey> keys) {
    Map<String, ECKey> byId = new LinkedHashMap<>();
    for (ECKey key : keys) {
      if (key.getKeyID() == null || !Curve.P_256.equals(key.getCurve())) {
        throw new IllegalArgumentException("A checkpoint key is a P-256 key with a kid");
      }
      byId.putIfAbsent(key.getKeyID(), key.toPublicJWK());
    }
    return new CheckpointKeys(byId);
  }

  /** The keys of a JWK set (public or private: only the public parts are kept); blank: none. */
  static CheckpointKeys parse(String jwkSet) {
    if (jwkSet.isBlank()) {
      return new CheckpointKeys(Map.of());
    }
    try {
      List<ECKey> keys = new ArrayList<>();
      for (JWK key : parseKeys(jwkSet)) {
        keys.add(key.toECKey());
      }
      return of(keys);
    } catch (ParseException | IllegalStateException notAKeySet) {
      throw new IllegalArgumentException("Not a JWK set of EC keys", notAKeySet);
    }
  }

  /** A JWK set, or a single JWK (the form of the signing key's configuration). */
  static List<JWK> parseKeys(String json) throws ParseException {
    return json.contains("\"keys\"") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
  }

  CheckpointKeys and(CheckpointKeys others) {
    Map<String, ECKey> all = new LinkedHashMap<>(keys);
    others.keys.forEach(all::putIfAbsent);
    return new CheckpointKeys(all);
  }

  /** Whether this key signed these bytes with this signature. */
  boolean verifies(String keyId, byte[] statement, byte[] signature) {
    ECKey key = keys.get(keyId);
    if (key == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key.toECPublicKey());
      verifier.update(statement);
      return verifier.verify(signature);
    } catch (JOSEException | GeneralSecurityException unusable) {
      return false;
    }
  }

  Optional<ECPublicKey> key(String keyId) {
    try {
      return keys.containsKey(keyId)
          ? Optional.of(keys.get(keyId).toECPublicKey())
          : Optional.empty();
    } catch (JOSEException unusable) {
      return Optional.empty();
    }
  }

  /** The public JWK set, as served at {@code GET /audit/checkpoints/key}. */
  JWKSet publicJwkSet() {
    return new JWKSet(List.<JWK>copyOf(keys.values()));
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }
}
