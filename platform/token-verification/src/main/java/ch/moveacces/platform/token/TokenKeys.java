package ch.moveacces.platform.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Flux;

/**
 * The keys that may have signed a token with a given header: only ES256 keys named by the header's
 * {@code kid}, so that {@code none}, HMAC, RSA and key-less headers find none.
 */
@FunctionalInterface
interface TokenKeys {

  Flux<JWK> keysFor(JWSHeader header);

  /** auth-service's own keys, held in-process: the verifier of the service that signs. */
  static TokenKeys of(JWKSet keys) {
    JWKSet publicKeys = keys.toPublicJWKSet();
    return header ->
        mayHaveSigned(header)
            ? Flux.fromIterable(selectorFor(header).select(publicKeys))
            : Flux.empty();
  }

  static boolean mayHaveSigned(JWSHeader header) {
    return JWSAlgorithm.ES256.equals(header.getAlgorithm()) && header.getKeyID() != null;
  }

  static JWKSelector selectorFor(JWSHeader header) {
    return new JWKSelector(JWKMatcher.forJWSHeader(header));
  }
}
