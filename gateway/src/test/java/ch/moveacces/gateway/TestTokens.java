package ch.moveacces.gateway;

import ch.moveacces.platform.token.TokenClaims;
import ch.moveacces.platform.token.testing.AccessTokens;
import ch.moveacces.platform.token.testing.JwkSetServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Access tokens of sessions as auth-service signs them ({@link AccessTokens}), a JWK set server
 * publishing the public key ({@link JwkSetServer}), and the forgeries an attacker would try.
 */
final class TestTokens implements AutoCloseable {

  private final ECKey key;
  private final ECKey strangerKey;
  private final JwkSetServer jwks;

  private TestTokens(ECKey key, ECKey strangerKey, JwkSetServer jwks) {
    this.key = key;
    this.strangerKey = strangerKey;
    this.jwks = jwks;
  }

  static TestTokens start() {
    ECKey key = AccessTokens.newKey("signing-key");
    return new TestTokens(key, AccessTokens.newKey("unknown-key"), JwkSetServer.start(key));
  }

  String jwksUri() {
    return jwks.uri().toString();
  }

  /** The claims of a valid token of this subject's session, to adjust before signing. */
  static JWTClaimsSet.Builder claims(String subject, String sessionId) {
    return AccessTokens.claimsFor(subject).claim(TokenClaims.SESSION_ID, sessionId);
  }

  String valid(String subject, String sessionId) {
    return signed(claims(subject, sessionId).build());
  }

  String with(String subject, String sessionId, UnaryOperator<JWTClaimsSet.Builder> change) {
    return signed(change.apply(claims(subject, sessionId)).build());
  }

  String signed(JWTClaimsSet claims) {
    return AccessTokens.sign(claims, key);
  }

  String signedByUnknownKey(JWTClaimsSet claims) {
    return AccessTokens.sign(claims, strangerKey);
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** The classic confusion attack: HMAC keyed with the public key the verifier trusts. */
  String hs256WithPublicKey(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(key.toECPublicKey().getEncoded()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token whose payload was swapped for another after signing. */
  String tampered(String token, JWTClaimsSet forged) {
    String[] parts = token.split("\\.");
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }

  @Override
  public void close() {
    jwks.close();
  }
}
