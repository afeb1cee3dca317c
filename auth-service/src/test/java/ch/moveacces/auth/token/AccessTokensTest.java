package ch.moveacces.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.platform.token.AccessTokenDecoder;
import ch.moveacces.platform.token.AuthenticatedUser;
import ch.moveacces.platform.token.TokenProperties;
import ch.moveacces.platform.token.UserId;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/** The tokens this service issues, verified by the decoder and rules every verifier uses. */
class AccessTokensTest {

  private static final TokenProperties RULES = rules("moveacces-auth", "moveacces-api");
  private static final AccessTokenLifetime LIFETIME =
      new AccessTokenLifetime(Duration.ofMinutes(15));
  private static final AccessTokenClaims ANNA =
      new AccessTokenClaims(42, "anna@example.ch", List.of("USER", "AUDITOR"), "sid-1");

  private final SigningKeys keys = new SigningKeys(new JWKSet(SigningKeys.generate()));
  private final AccessTokens tokens = issuer(keys, RULES, Clock.systemUTC());
  private final AccessTokenDecoder decoder =
      AccessTokenDecoder.overLocalKeys(keys.publicKeys(), RULES, Clock.systemUTC());

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
  void itsTokensPassTheRulesEveryVerifierApplies() {
    AuthenticatedUser user = AuthenticatedUser.from(verify(tokens.issue(ANNA)));

    assertThat(user.userId()).isEqualTo(new UserId(42));
    assertThat(user.email()).isEqualTo("anna@example.ch");
    assertThat(user.roles()).containsExactlyInAnyOrder("USER", "AUDITOR");
    assertThat(user.sessionId()).isEqualTo("sid-1");
  }

  @Test
  void refusesTokensOfAnotherKey() {
    AccessTokens other =
        issuer(new SigningKeys(new JWKSet(SigningKeys.generate())), RULES, Clock.systemUTC());
    assertRefused(other.issue(ANNA));
  }

  @Test
  void refusesAnotherIssuerOrAudience() {
    Clock now = Clock.systemUTC();
    assertRefused(issuer(keys, rules("someone-else", "moveacces-api"), now).issue(ANNA));
    assertRefused(issuer(keys, rules("moveacces-auth", "another-api"), now).issue(ANNA));
  }

  @Test
  void refusesExpiredTokensBeyondThirtySecondsOfSkew() {
    Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    assertRefused(issuer(keys, RULES, anHourAgo).issue(ANNA));
    Clock justExpired =
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(15)).minusSeconds(10), ZoneOffset.UTC);
    assertThat(verify(issuer(keys, RULES, justExpired).issue(ANNA)).getSubject()).isEqualTo("42");
  }

  @Test
  void refusesUnsignedAndHmacTokens() throws Exception {
    String[] parts = tokens.issue(ANNA).split("\\.");
    assertRefused("eyJhbGciOiJub25lIn0." + parts[1] + ".");

    JWTClaimsSet claims = SignedJWT.parse(tokens.issue(ANNA)).getJWTClaimsSet();
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.keyId()).build(), claims);
    hmac.sign(new MACSigner(keys.publicKeys().toString().repeat(2).getBytes()));
    assertRefused(hmac.serialize());
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
    assertRefused(genuine[0] + "." + tampered[1] + "." + genuine[2]);
  }

  private Jwt verify(String token) {
    return decoder.decode(token).block(Duration.ofSeconds(5));
  }

  private void assertRefused(String token) {
    assertThatThrownBy(() -> verify(token)).isInstanceOf(JwtException.class);
  }

  private static AccessTokens issuer(SigningKeys keys, TokenProperties rules, Clock clock) {
    return new AccessTokens(keys, rules, LIFETIME, clock);
  }

  private static TokenProperties rules(String issuer, String audience) {
    return new TokenProperties(
        URI.create(TokenProperties.DEFAULT_JWK_SET_URI),
        issuer,
        audience,
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        List.of(),
        0);
  }
}
