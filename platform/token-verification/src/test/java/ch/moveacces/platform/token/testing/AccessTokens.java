package ch.moveacces.platform.token.testing;

import ch.moveacces.platform.token.TokenClaims;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Access tokens as auth-service issues them (ADR 0005), signed with keys made for a test. */
public final class AccessTokens {

  public static final String ISSUER = "moveacces-auth";
  public static final String AUDIENCE = "moveacces-api";

  private AccessTokens() {}

  /** A new ES256 signing key (P-256) with this key id. */
  public static ECKey newKey(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(keyId)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .generate();
    } catch (JOSEException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /** The claims of a valid 15-minute token of this user, to adjust before signing. */
  public static JWTClaimsSet.Builder claimsFor(String userId) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(userId)
        .claim(TokenClaims.EMAIL, "user" + userId + "@example.ch")
        .claim(TokenClaims.ROLES, List.of("USER"))
        .claim(TokenClaims.SESSION_ID, UUID.randomUUID().toString())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
  }

  /** A valid token of this user signed with this key. */
  public static String tokenFor(String userId, ECKey key) {
    return sign(claimsFor(userId).build(), key);
  }

  /** Signs these claims with ES256 and this key, naming its key id in the header. */
  public static String sign(JWTClaimsSet claims, ECKey key) {
    try {
      SignedJWT token =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
      token.sign(new ECDSASigner(key));
      return token.serialize();
    } catch (JOSEException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
