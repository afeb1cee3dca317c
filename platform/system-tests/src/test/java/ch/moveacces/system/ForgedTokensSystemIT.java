package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.system.ApiClient.Reply;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What an attacker makes of a member's access token, each refused by the running gateway with 401
 * problem+json and a Bearer challenge. The tokens that are wrong in one claim only are signed with
 * the devstack's own signing key (its dev key file), so that the claim, not the signature, is what
 * the gateway refuses; the same key signing the unchanged claims is accepted, which proves it.
 *
 * <p>The forgeries, each on {@code GET /users/me}: {@code alg: none}; HS256 keyed with the public
 * key (its DER bytes, its JWK); expired; {@code nbf} in the future; another {@code iss}; another
 * {@code aud}; a payload swapped after signing; a key nobody published. A logged-out session's
 * unexpired token is refused too.
 */
@WithRunningSystem
class ForgedTokensSystemIT {

  private static final String PASSWORD = "Faux-jetons et vrais refus";

  /** Well beyond the 30 s clock skew the verifiers allow. */
  private static final Duration FAR = Duration.ofMinutes(10);

  @Test
  void everyForgeryOfAMembersTokenIsRefusedWithA401Problem(RunningSystem system) throws Exception {
    ApiClient anonymous = ApiClient.from(system);
    Reply login = signUpAndLogIn(anonymous, "forged");
    String genuine = login.text("access_token");
    SignedJWT parsed = SignedJWT.parse(genuine);
    JWTClaimsSet claims = parsed.getJWTClaimsSet();
    ECKey devstackKey = devstackSigningKey(system, parsed.getHeader().getKeyID());

    assertThat(anonymous.withToken(resign(devstackKey, parsed, claims)).get("/users/me").status())
        .as("the member's own claims signed again with the devstack's key")
        .isEqualTo(200);

    Instant now = Instant.now();
    Map<String, String> forgeries = new LinkedHashMap<>();
    forgeries.put("alg none", new PlainJWT(claims).serialize());
    forgeries.put(
        "HS256 keyed with the public key's bytes",
        hs256(parsed, claims, devstackKey.toECPublicKey().getEncoded()));
    forgeries.put(
        "HS256 keyed with the published JWK",
        hs256(
            parsed,
            claims,
            devstackKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
    forgeries.put(
        "expired",
        resign(
            devstackKey,
            parsed,
            changed(
                claims,
                c ->
                    c.issueTime(Date.from(now.minus(FAR).minus(Duration.ofMinutes(15))))
                        .expirationTime(Date.from(now.minus(FAR))))));
    forgeries.put(
        "not valid before ten minutes from now",
        resign(
            devstackKey, parsed, changed(claims, c -> c.notBeforeTime(Date.from(now.plus(FAR))))));
    forgeries.put(
        "another issuer",
        resign(devstackKey, parsed, changed(claims, c -> c.issuer("https://issuer.example.org"))));
    forgeries.put(
        "another audience",
        resign(devstackKey, parsed, changed(claims, c -> c.audience("another-api"))));
    forgeries.put(
        "payload swapped after signing",
        tampered(
            genuine,
            changed(claims, c -> c.subject("1").claim("roles", java.util.List.of("ADMIN")))));
    forgeries.put("signed by a key nobody published", signedByUnknownKey(claims));

    SoftAssertions softly = new SoftAssertions();
    forgeries.forEach(
        (forgery, token) -> {
          Reply reply = anonymous.withToken(token).get("/users/me");
          softly.assertThat(reply.status()).as(forgery).isEqualTo(401);
          softly
              .assertThat(reply.header("Content-Type"))
              .as(forgery)
              .startsWith("application/problem+json");
          softly.assertThat(reply.header("WWW-Authenticate")).as(forgery).startsWith("Bearer");
          softly.assertThat(reply.body().path("status").asInt()).as(forgery).isEqualTo(401);
        });
    softly.assertAll();
    assertThat(anonymous.withToken(genuine).get("/users/me").status())
        .as("the genuine token, after all that")
        .isEqualTo(200);
  }

  @Test
  void aLoggedOutSessionsTokenIsRefusedAlthoughItHasNotExpired(RunningSystem system) {
    ApiClient anonymous = ApiClient.from(system);
    Reply login = signUpAndLogIn(anonymous, "revoked");
    ApiClient member = anonymous.withToken(login.text("access_token"));
    assertThat(member.get("/users/me").status()).isEqualTo(200);

    Reply logout =
        member.post("/auth/logout", Map.of("refresh_token", login.text("refresh_token")));
    assertThat(logout.status()).isEqualTo(204);

    Reply refused = member.get("/users/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(member.get("/auth/sessions").status()).isEqualTo(401);
  }

  private static Reply signUpAndLogIn(ApiClient anonymous, String purpose) {
    String email = purpose + "-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Faussaire", "prenom", "Eve"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return login;
  }

  /** The private key auth-service signs with: the devstack generates it into its data directory. */
  private static ECKey devstackSigningKey(RunningSystem system, String keyId) throws Exception {
    JWKSet keys = JWKSet.load(system.signingKeyFile().toFile());
    ECKey key = (ECKey) keys.getKeyByKeyId(keyId);
    assertThat(key).as("the devstack's key " + keyId).isNotNull();
    assertThat(key.isPrivate()).isTrue();
    return key;
  }

  private static JWTClaimsSet changed(
      JWTClaimsSet claims, UnaryOperator<JWTClaimsSet.Builder> change) {
    return change.apply(new JWTClaimsSet.Builder(claims)).build();
  }

  /** Signed as auth-service signs: its header (ES256, its kid, typ), its key. */
  private static String resign(ECKey key, SignedJWT original, JWTClaimsSet claims)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(original.getHeader()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  /** The algorithm-confusion attack: HMAC keyed with what the verifier trusts as public. */
  private static String hs256(SignedJWT original, JWTClaimsSet claims, byte[] secret)
      throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(original.getHeader().getKeyID())
                .type(original.getHeader().getType())
                .build(),
            claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  /** The genuine header and signature around another payload. */
  private static String tampered(String token, JWTClaimsSet forged) {
    String[] parts = token.split("\\.");
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }

  private static String signedByUnknownKey(JWTClaimsSet claims) throws JOSEException {
    ECKey stranger =
        new ECKeyGenerator(Curve.P_256).keyID("unknown-" + UUID.randomUUID()).generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(stranger));
    return jwt.serialize();
  }
}
