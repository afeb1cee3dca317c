package ch.moveacces.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Issues ES256 access tokens with the claims of ADR 0005, and verifies them by the same rules. */
@Component
public class AccessTokens {

  private static final int MAX_CLOCK_SKEW_SECONDS = 30;

  private final SigningKeys keys;
  private final TokenProperties properties;
  private final Clock clock;
  private final DefaultJWTProcessor<SecurityContext> processor;

  public AccessTokens(SigningKeys keys, TokenProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
    this.processor = processor(keys, properties);
  }

  public Duration ttl() {
    return properties.accessTokenTtl();
  }

  public String issue(AccessTokenClaims subject) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(properties.issuer())
            .audience(properties.audience())
            .subject(String.valueOf(subject.userId()))
            .claim("email", subject.email())
            .claim("roles", subject.roles())
            .claim("sid", subject.sessionId())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
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

  /** The claims of a valid token: ES256 by one of our keys, our issuer and audience, unexpired. */
  public Optional<AccessTokenClaims> verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      List<String> roles = claims.getStringListClaim("roles");
      return Optional.of(
          new AccessTokenClaims(
              Long.parseLong(claims.getSubject()),
              claims.getStringClaim("email"),
              roles == null ? List.of() : roles,
              claims.getStringClaim("sid")));
    } catch (ParseException | BadJOSEException | JOSEException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static DefaultJWTProcessor<SecurityContext> processor(
      SigningKeys keys, TokenProperties properties) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys.publicKeys())));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            // mutable sets: the verifier asks them about null, which Set.of refuses
            new HashSet<>(Set.of(properties.audience())),
            new JWTClaimsSet.Builder().issuer(properties.issuer()).build(),
            new HashSet<>(Set.of("sub", "sid", "email", "jti", "iat", "exp")),
            new HashSet<>());
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(claims);
    return processor;
  }
}
