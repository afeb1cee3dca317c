package ch.moveacces.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.RedisKeys;
import ch.moveacces.auth.RunningAuthService;
import ch.moveacces.testkit.TestEngines;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.mkammerer.argon2.Argon2Factory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunningAuthService
class LoginIT {

  @Autowired WebTestClient client;

  @Test
  void returnsATokenPairWhoseAccessTokenVerifiesAgainstThePublishedKeys() throws Exception {
    String email = AuthClient.newEmail();
    long userId = new AuthClient(client).register(email);

    Map<String, Object> body =
        client
            .post()
            .uri("/auth/login")
            .header("User-Agent", "LoginIT/1.0")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", " " + email.toUpperCase(), "password", AuthClient.PASSWORD))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();

    assertThat(body)
        .containsEntry("token_type", "Bearer")
        .containsEntry("expires_in", 900)
        .containsEntry("refresh_expires_in", 86400);
    Tokens tokens = AuthClient.tokens(body);
    assertThat(tokens.refreshToken()).matches("[A-Za-z0-9_-]{43}");

    String jwks =
        client
            .get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    JWKSet keys = JWKSet.parse(jwks);
    assertThat(keys.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());

    SignedJWT jwt = SignedJWT.parse(tokens.accessToken());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
    ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("moveacces-auth");
    assertThat(claims.getAudience()).containsExactly("moveacces-api");
    assertThat(claims.getSubject()).isEqualTo(String.valueOf(userId));
    assertThat(claims.getStringClaim("email")).isEqualTo(email);
    assertThat(claims.getStringListClaim("roles")).containsExactly("USER");
    assertThat(claims.getStringClaim("sid")).isEqualTo(tokens.sessionId());
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());

    Map<String, String> session = RedisKeys.session(tokens.sessionId());
    assertThat(session)
        .containsEntry("user_id", String.valueOf(userId))
        .containsEntry("user_agent", "LoginIT/1.0")
        .containsKey("refresh_hash");
    assertThat(session.values()).doesNotContain(tokens.refreshToken());
    assertThat(RedisKeys.userSessions(userId)).contains(tokens.sessionId());
  }

  @Test
  void answersAnUnknownEmailAndAWrongPasswordWithTheSameProblem() {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);

    String wrongPassword = failedLogin(email, "not the password at all");
    String unknownEmail = failedLogin(AuthClient.newEmail(), AuthClient.PASSWORD);

    assertThat(withoutTraceId(wrongPassword)).isEqualTo(withoutTraceId(unknownEmail));
    assertThat(wrongPassword).contains("https://moveacces.ch/problems/invalid-credentials");
  }

  @Test
  void givesTheDevAccountsTheirRoles() throws Exception {
    AuthClient auth = new AuthClient(client);
    assertThat(roles(auth.login("auditor@moveacces.ch", "Ledger-Watch-2026!")))
        .containsExactly("USER", "AUDITOR");
    assertThat(roles(auth.login("admin@moveacces.ch", "Control-Room-2026!")))
        .containsExactly("USER", "ADMIN");
  }

  @Test
  void rehashesAPasswordHashedWithOtherParameters() throws Exception {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);
    String older =
        Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id)
            .hash(2, 2048, 1, AuthClient.PASSWORD.toCharArray());
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement update =
            admin.prepareStatement(
                "UPDATE moveacces.acces_app SET password_hash = ? WHERE email = ?")) {
      update.setString(1, older);
      update.setString(2, email);
      update.executeUpdate();
    }

    new AuthClient(client).login(email, AuthClient.PASSWORD);

    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement query =
            admin.prepareStatement(
                "SELECT password_hash FROM moveacces.acces_app WHERE email = ?")) {
      query.setString(1, email);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertThat(row.getString(1)).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
      }
    }
  }

  private static List<String> roles(Tokens tokens) throws Exception {
    return SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getStringListClaim("roles");
  }

  private String failedLogin(String email, String password) {
    return client
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static String withoutTraceId(String problem) {
    return problem.replaceAll("\"traceId\":\"[0-9a-f]+\"", "");
  }
}
