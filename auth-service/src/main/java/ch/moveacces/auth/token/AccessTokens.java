package ch.moveacces.auth.token;

import ch.moveacces.platform.token.TokenClaims;
import ch.moveacces.platform.token.TokenProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues ES256 access tokens with the claims of ADR 0005. They are verified, here as everywhere, by
 * token-verification's {@code AccessTokenDecoder} ({@link LocalTokenVerification}).
 */
@Component
public class AccessTokens {

  private final SigningKeys keys;
  private final TokenProperties rules;
  private final AccessTokenLifetime lifetime;
  private final Clock clock;

  public AccessTokens(
      SigningKeys keys, TokenProperties rules, AccessTokenLifetime lifetime, Clock clock) {
    this.keys = keys;
    this.rules = rules;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public Duration ttl() {
    return lifetime.accessTokenTtl();
  }

  public String issue(AccessTokenClaims subject) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(rules.issuer())
            .audience(rules.audience())
            .subject(String.valueOf(subject.userId()))
            .claim(TokenClaims.EMAIL, subject.email())
            .claim(TokenClaims.ROLES, subject.roles())
            .claim(TokenClaims.SESSION_ID, subject.sessionId())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime.accessTokenTtl())))
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(keys.keyId())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(keys.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing an access token failed", e);
    }
    return jwt.serialize();
  }
}
