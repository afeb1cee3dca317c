package ch.moveacces.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthServiceTest;
import ch.moveacces.testkit.TestEngines;
import de.mkammerer.argon2.Argon2Factory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AuthServiceTest
class RegistrationIT {

  @Autowired WebTestClient client;

  @Test
  void registersTheUserAndStoresAnArgon2idHashOfThePassword() throws SQLException {
    String email = AuthClient.newEmail();
    Map<String, Object> body =
        AuthClient.registration("  " + email.toUpperCase() + " ", AuthClient.PASSWORD);
    body.put("date_naissance", "1990-04-12");
    body.put("npa", "1204");
    body.put("localite", "Genève");
    body.put("tel", "+41 79 123 45 67");

    client
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.user_id")
        .isNumber();

    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement query =
            admin.prepareStatement(
                "SELECT u.nom, u.npa, u.tel, u.date_naissance, a.password_hash FROM moveacces.users u"
                    + " JOIN moveacces.acces_app a ON a.email = u.email WHERE u.email = ?")) {
      query.setString(1, email);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("stored under the trimmed, lower-cased email").isTrue();
        assertThat(row.getString("nom")).isEqualTo("Muster");
        assertThat(row.getString("npa")).isEqualTo("1204");
        assertThat(row.getString("tel")).isEqualTo("+41791234567");
        assertThat(row.getString("date_naissance")).isEqualTo("1990-04-12");
        String hash = row.getString("password_hash");
        assertThat(hash).startsWith("$argon2id$").doesNotContain(AuthClient.PASSWORD);
        assertThat(
                Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id)
                    .verify(hash, AuthClient.PASSWORD.toCharArray()))
            .isTrue();
      }
    }
  }

  @Test
  void refusesATakenEmailWith409AndWritesNothing() throws SQLException {
    String email = AuthClient.newEmail();
    new AuthClient(client).register(email);
    int usersBefore = count("SELECT COUNT(*) FROM moveacces.users");

    client
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(AuthClient.registration(email.toUpperCase(), "another long passphrase"))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/email-taken");

    assertThat(count("SELECT COUNT(*) FROM moveacces.users")).isEqualTo(usersBefore);
    assertThat(count("SELECT COUNT(*) FROM moveacces.acces_app WHERE email = '" + email + "'"))
        .isEqualTo(1);
  }

  @Test
  void refusesAShortPasswordWith422() {
    expectPasswordRejected(AuthClient.newEmail(), "short-pw1!", "at least 12");
  }

  @Test
  void refusesACommonPasswordWith422() {
    expectPasswordRejected(AuthClient.newEmail(), "Qwertyuiop123", "most common");
  }

  @Test
  void refusesAPasswordContainingTheEmailsLocalPartWith422() {
    expectPasswordRejected("jean.dupont@example.ch", "my name is JEAN.DUPONT!", "email address");
  }

  @Test
  void listsEveryInvalidFieldAtOnce() throws SQLException {
    int usersBefore = count("SELECT COUNT(*) FROM moveacces.users");
    client
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "email", "not-an-email",
                "password", AuthClient.PASSWORD,
                "nom", " ",
                "npa", "12a4",
                "date_naissance", "2999-01-01",
                "tel", "0791234567"))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/validation-failed")
        .jsonPath("$.errors[*].field")
        .value(
            fields ->
                assertThat((List<Object>) fields)
                    .contains("email", "nom", "prenom", "npa", "date_naissance", "tel"));
    assertThat(count("SELECT COUNT(*) FROM moveacces.users")).isEqualTo(usersBefore);
  }

  @Test
  void answersMalformedJsonWith400Problem() {
    client
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private void expectPasswordRejected(String email, String password, String message) {
    client
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(AuthClient.registration(email, password))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/validation-failed")
        .jsonPath("$.errors[0].field")
        .isEqualTo("password")
        .jsonPath("$.errors[0].message")
        .value(text -> assertThat((String) text).contains(message));
  }

  private static int count(String sql) throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        ResultSet row = admin.createStatement().executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }
}
