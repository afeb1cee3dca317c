package ch.moveacces.platform.token;

import static ch.moveacces.platform.token.testing.AccessTokens.claimsFor;
import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.sign;
import static ch.moveacces.platform.token.testing.AccessTokens.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.platform.token.testing.JwkSetServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;

class AccessTokenDecoderTest {

  private static final Duration KEYS_LIFETIME = Duration.ofMinutes(5);

  private final ECKey key = newKey("key-1");
  private JwkSetServer jwks;

  @BeforeEach
  void publishKey() {
    jwks = JwkSetServer.start(key);
  }

  @AfterEach
  void stopServer() {
    jwks.close();
  }

  @Test
  void acceptsAValidTokenAndReadsItsUser() {
    Jwt jwt = decode(decoder(), tokenFor("42", key));

    AuthenticatedUser user = AuthenticatedUser.from(jwt);
    assertThat(user.userId()).isEqualTo(new UserId(42));
    assertThat(user.email()).isEqualTo("user42@example.ch");
    assertThat(user.roles()).containsExactly("USER");
    assertThat(user.sessionId()).isNotBlank();
  }

  @Test
  void refusesAnUnsignedTokenWithAlgNone() {
    String unsigned = new PlainJWT(claimsFor("42").build()).serialize();

    assertRefused(unsigned);
  }

  @Test
  void refusesAnHmacTokenSignedWithThePublicKeyBytes() throws JOSEException {
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
            claimsFor("42").build());
    forged.sign(new MACSigner(key.toECPublicKey().getEncoded()));

    assertRefused(forged.serialize());
  }

  @Test
  void refusesAnExpiredToken() {
    Instant longAgo = Instant.now().minus(Duration.ofHours(1));
    assertRefused(
        sign(
            claimsFor("42")
                .issueTime(Date.from(longAgo))
                .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(15))))
                .build(),
            key));
  }

  @Test
  void refusesATokenExpiredJustBeyondTheClockSkew() {
    assertRefused(
        sign(
            claimsFor("42")
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(40))))
                .build(),
            key));
  }

  @Test
  void toleratesAClockSkewWithinTheLimit() {
    String token =
        sign(
            claimsFor("42")
                .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(10))))
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofSeconds(10))))
                .build(),
            key);

    assertThat(decode(decoder(), token).getSubject()).isEqualTo("42");
  }

  @Test
  void refusesATokenNotValidBeforeAMomentBeyondTheSkew() {
    assertRefused(
        sign(
            claimsFor("42")
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))))
                .build(),
            key));
  }

  @Test
  void refusesATokenWithoutExpiry() {
    assertRefused(sign(claimsFor("42").expirationTime(null).build(), key));
  }

  @Test
  void refusesATokenOfAnotherIssuer() {
    assertRefused(sign(claimsFor("42").issuer("someone-else").build(), key));
  }

  @Test
  void refusesATokenForAnotherAudience() {
    assertRefused(sign(claimsFor("42").audience("another-api").build(), key));
  }

  @Test
  void refusesATokenWithoutSubject() {
    assertRefused(sign(claimsFor("42").subject(null).build(), key));
  }

  @Test
  void refusesATokenWhoseSubjectIsNoUserId() {
    assertRefused(tokenFor("anna", key));
    assertRefused(tokenFor("0", key));
    assertRefused(tokenFor("-42", key));
    assertRefused(tokenFor("99999999999999999999", key));
  }

  @Test
  void refusesATokenWithoutSessionTokenIdOrIssueTime() {
    assertRefused(sign(claimsFor("42").claim(TokenClaims.SESSION_ID, null).build(), key));
    assertRefused(sign(claimsFor("42").claim(TokenClaims.SESSION_ID, " ").build(), key));
    assertRefused(sign(claimsFor("42").jwtID(null).build(), key));
    assertRefused(sign(claimsFor("42").issueTime(null).build(), key));
  }

  @Test
  void acceptsATokenWithoutEmailAndReadsTheClaimsReservedForTwoFactorSignIn() {
    Instant signedIn = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    Jwt jwt =
        decode(
            decoder(),
            sign(
                claimsFor("42")
                    .claim(TokenClaims.EMAIL, null)
                    .claim(TokenClaims.AUTHENTICATION_METHODS, List.of("pwd", "otp"))
                    .claim(TokenClaims.AUTH_TIME, signedIn.getEpochSecond())
                    .build(),
                key));

    AuthenticatedUser user = AuthenticatedUser.from(jwt);
    assertThat(user.email()).isNull();
    assertThat(user.authenticationMethods()).containsExactly("pwd", "otp");
    assertThat(user.authTime()).isEqualTo(signedIn);
  }

  @Test
  void verifiesOverLocalKeysByTheSameRules() {
    ECKey second = newKey("key-2");
    AccessTokenDecoder local =
        AccessTokenDecoder.overLocalKeys(
            new JWKSet(List.of(key, second)),
            properties(jwks.uri(), Duration.ofSeconds(10)),
            Clock.systemUTC());

    assertThat(decode(local, tokenFor("42", key)).getSubject()).isEqualTo("42");
    assertThat(decode(local, tokenFor("43", second)).getSubject()).isEqualTo("43");
    assertRefused(local, tokenFor("42", newKey("key-1")));
    assertRefused(local, tokenFor("anna", key));
    assertRefused(local, sign(claimsFor("42").issuer("someone-else").build(), key));
    assertRefused(local, sign(claimsFor("42").jwtID(null).build(), key));
    assertRefused(
        local,
        sign(
            claimsFor("42")
                .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(31))))
                .build(),
            key));
    assertRefused(local, new PlainJWT(claimsFor("42").build()).serialize());
  }

  @Test
  void refusesATokenWhosePayloadWasTamperedWith() {
    String[] parts = tokenFor("42", key).split("\\.");
    String otherPayload =
        Base64URL.encode(claimsFor("1").build().toString().getBytes(StandardCharsets.UTF_8))
            .toString();

    assertRefused(parts[0] + "." + otherPayload + "." + parts[2]);
  }

  @Test
  void refusesATokenSignedByAnUnknownKey() {
    assertRefused(tokenFor("42", newKey("key-unknown")));
  }

  @Test
  void refusesATokenSignedByAnotherKeyClaimingAKnownKeyId() {
    assertRefused(tokenFor("42", newKey(key.getKeyID())));
  }

  @Test
  void refusesATokenWithoutKeyId() throws JOSEException {
    SignedJWT token =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), claimsFor("42").build());
    token.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));

    assertRefused(token.serialize());
  }

  @Test
  void acceptsAKeyPublishedLaterOnceItsKeyIdIsSeen() {
    AccessTokenDecoder decoder = decoder(Duration.ZERO);
    ECKey next = newKey("key-2");
    assertThat(decode(decoder, tokenFor("42", key)).getSubject()).isEqualTo("42");
    assertRefused(decoder, tokenFor("42", next));

    jwks.publish(key, next);

    assertThat(decode(decoder, tokenFor("7", next)).getSubject()).isEqualTo("7");
    assertThat(decode(decoder, tokenFor("8", key)).getSubject()).isEqualTo("8");
  }

  @Test
  void fetchesTheKeysOnceAndAgainForUnknownKeyIdsOnlyAfterTheCooldown() {
    AccessTokenDecoder decoder = decoder(Duration.ofMinutes(1));
    decode(decoder, tokenFor("42", key));
    decode(decoder, tokenFor("43", key));
    for (int i = 0; i < 5; i++) {
      assertRefused(decoder, tokenFor("42", newKey("forged-" + i)));
    }

    assertThat(jwks.fetches()).isEqualTo(1);
  }

  @Test
  void answersUnavailableKeysWithoutBlamingTheToken() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AccessTokenDecoder decoder =
        decoder(URI.create("http://127.0.0.1:" + closedPort + "/jwks.json"), Duration.ZERO);

    assertThatThrownBy(() -> decode(decoder, tokenFor("42", key)))
        .isInstanceOf(KeysUnavailableException.class);
  }

  @Test
  void checksARepeatedTokensSignatureOnceButItsClaimsEveryTime() {
    ManualTime time = new ManualTime();
    AccessTokenDecoder decoder = decoder(jwks.uri(), Duration.ZERO, time, verified(time));
    String token = tokenFor("42", key);

    Jwt first = decode(decoder, token);
    assertThat(decode(decoder, token)).isSameAs(first);

    time.advance(Duration.ofMinutes(16));
    assertRefused(decoder, token);
  }

  @Test
  void remembersOnlyTokensThatPassed() {
    ManualTime time = new ManualTime();
    VerifiedTokens verified = verified(time);
    AccessTokenDecoder decoder = decoder(jwks.uri(), Duration.ZERO, time, verified);

    assertRefused(decoder, tokenFor("42", newKey(key.getKeyID())));
    assertRefused(decoder, sign(claimsFor("42").issuer("someone-else").build(), key));
    assertThat(verified.size()).isZero();

    decode(decoder, tokenFor("42", key));
    assertThat(verified.size()).isOne();
  }

  @Test
  void stopsHonouringARememberedTokenOnceItsKeyIsWithdrawn() {
    ManualTime time = new ManualTime();
    AccessTokenDecoder decoder = decoder(jwks.uri(), Duration.ZERO, time, verified(time));
    String token = tokenFor("42", key);
    decode(decoder, token);

    jwks.publish(newKey("key-2"));
    time.advance(KEYS_LIFETIME.plusSeconds(1));

    assertRefused(decoder, token);
  }

  private void assertRefused(String token) {
    assertRefused(decoder(), token);
  }

  private static void assertRefused(AccessTokenDecoder decoder, String token) {
    assertThatThrownBy(() -> decode(decoder, token))
        .isInstanceOfAny(BadJwtException.class, JwtException.class)
        .isNotInstanceOf(KeysUnavailableException.class);
  }

  private static Jwt decode(AccessTokenDecoder decoder, String token) {
    return decoder.decode(token).block(Duration.ofSeconds(5));
  }

  private AccessTokenDecoder decoder() {
    return decoder(Duration.ofSeconds(10));
  }

  private AccessTokenDecoder decoder(Duration refetchCooldown) {
    return decoder(jwks.uri(), refetchCooldown);
  }

  private static AccessTokenDecoder decoder(URI jwkSetUri, Duration refetchCooldown) {
    ManualTime time = new ManualTime();
    return decoder(jwkSetUri, refetchCooldown, time, verified(time));
  }

  private static AccessTokenDecoder decoder(
      URI jwkSetUri, Duration refetchCooldown, ManualTime time, VerifiedTokens verified) {
    TokenProperties properties = properties(jwkSetUri, refetchCooldown);
    JwkSetCache keys =
        new JwkSetCache(
            new JwkSetClient(WebClient.create(), jwkSetUri, properties.jwkSetTimeout()),
            time,
            properties.jwkSetTtl(),
            refetchCooldown);
    return new AccessTokenDecoder(keys, properties, time, verified);
  }

  private static TokenProperties properties(URI jwkSetUri, Duration refetchCooldown) {
    return new TokenProperties(
        jwkSetUri,
        "moveacces-auth",
        "moveacces-api",
        Duration.ofSeconds(30),
        KEYS_LIFETIME,
        refetchCooldown,
        Duration.ofSeconds(2),
        List.of(),
        100);
  }

  private static VerifiedTokens verified(ManualTime time) {
    return new VerifiedTokens(100, KEYS_LIFETIME, time);
  }
}
