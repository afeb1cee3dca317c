package ch.moveacces.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private static final TokenProperties PROPERTIES =
      new TokenProperties("moveacces-auth", "moveacces-api", Duration.ofMinutes(15));
  private static final AccessTokenClaims ANNA =
      new AccessTokenClaims(42, "anna@example.ch", List.of("USER", "AUDITOR"), "sid-1");

  private final SigningKeys keys = new SigningKeys(new JWKSet(SigningKeys.generate()));
  private final AccessTokens tokens = new AccessTokens(keys, PROPERTIES, Clock.systemUTC());

  @Test
  void issuesAnEs256TokenWithTheClaimsOfAdr0005() throws Exception {
    SignedJWT jwt = SignedJWT.parse(tokens.issue(ANNA));

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.keyId());
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("moveacces-auth");
    assertThat(claims.getAudience()).containsExactly("moveacces-api");
    assertThat(claims.getSubject()).isEqualTo("42");
    assertThat(claims.getStringClaim("email")).isEqualTo("anna@example.ch");
    assertThat(claims.getStringListClaim("roles")).containsExactly("USER", "AUDITOR");
    assertThat(claims.getStringClaim("sid")).isEqualTo("sid-1");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(Duration.ofMinutes(15).toMillis());
  }

  @Test
  void verifiesItsOwnTokens() {
    assertThat(tokens.verify(tokens.issue(ANNA))).contains(ANNA);
  }

  @Test
  void refusesTokensOfAnotherKey() {
    AccessTokens other =
        new AccessTokens(
            new SigningKeys(new JWKSet(SigningKeys.generate())), PROPERTIES, Clock.systemUTC());
    assertThat(tokens.verify(other.issue(ANNA))).isEmpty();
  }

  @Test
  void refusesAnotherIssuerOrAudience() {
    AccessTokens otherIssuer =
        new AccessTokens(
            keys,
            new TokenProperties("someone-else", "moveacces-api", Duration.ofMinutes(15)),
            Clock.systemUTC());
    AccessTokens otherAudience =
        new AccessTokens(
            keys,
            new TokenProperties("moveacces-auth", "another-api", Duration.ofMinutes(15)),
            Clock.systemUTC());
    assertThat(tokens.verify(otherIssuer.issue(ANNA))).isEmpty();
    assertThat(tokens.verify(otherAudience.issue(ANNA))).isEmpty();
  }

  @Test
  void refusesExpiredTokensBeyondThirtySecondsOfSkew() {
    Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    assertThat(tokens.verify(new AccessTokens(keys, PROPERTIES, anHourAgo).issue(ANNA))).isEmpty();
    Clock justExpired =
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(15)).minusSeconds(10), ZoneOffset.UTC);
    assertThat(tokens.verify(new AccessTokens(keys, PROPERTIES, justExpired).issue(ANNA)))
        .isPresent();
  }

  @Test
  void refusesUnsignedAndHmacTokens() throws Exception {
    String[] parts = tokens.issue(ANNA).split("\\.");
    assertThat(tokens.verify("eyJhbGciOiJub25lIn0." + parts[1] + ".")).isEmpty();

    JWTClaimsSet claims = SignedJWT.parse(tokens.issue(ANNA)).getJWTClaimsSet();
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.keyId()).build(), claims);
    hmac.sign(new MACSigner(keys.publicKeys().toString().repeat(2).getBytes()));
    assertThat(tokens.verify(hmac.serialize())).isEmpty();
  }

  @Test
  void refusesATamperedPayload() throws Exception {
    JWTClaimsSet forged =
        new JWTClaimsSet.Builder(SignedJWT.parse(tokens.issue(ANNA)).getJWTClaimsSet())
            .subject("1")
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .build();
    SignedJWT other =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.keyId()).build(), forged);
    other.sign(new ECDSASigner(SigningKeys.generate()));
    String[] genuine = tokens.issue(ANNA).split("\\.");
    String[] tampered = other.serialize().split("\\.");
    assertThat(tokens.verify(genuine[0] + "." + tampered[1] + "." + genuine[2])).isEmpty();
  }
}
