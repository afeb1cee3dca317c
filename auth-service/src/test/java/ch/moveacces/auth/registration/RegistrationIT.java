package ch.moveacces.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.RunningAuthService;
import ch.moveacces.testkit.TestEngines;
import de.mkammerer.argon2.Argon2Factory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunningAuthService
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

  /** As profile-service stores it when a member changes it later. */
  @Test
  void storesAPhoneNumberAsMembersTypeItInE164() throws SQLException {
    String email = AuthClient.newEmail();
    Map<String, Object> body = AuthClient.registration(email, AuthClient.PASSWORD);
    body.put("tel", "079 123 45 67");

    client
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated();

    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement query =
            admin.prepareStatement("SELECT tel FROM moveacces.users WHERE email = ?")) {
      query.setString(1, email);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("tel")).isEqualTo("+41791234567");
      }
    }
  }

  /** The rules profile-service applies to a change of the same field. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "nom, 'Mu\\u0000ster', must not contain control characters",
    "prenom, 'An\\nna', must not contain control characters",
    "rue, 'Rue\\u0007 1', must not contain control characters",
    "localite, 'Gen\\u001Bève', must not contain control characters",
    "npa, '12 04', must be exactly 4 digits",
    "tel, '12', must be a valid phone number",
    "date_naissance, '1850-01-01', must not be before 1900-01-01"
  })
  void refusesAValueProfileServiceWouldRefuseNamingItsField(
      String field, String value, String message) throws SQLException {
    int usersBefore = count("SELECT COUNT(*) FROM moveacces.users");
    Map<String, Object> body = AuthClient.registration(AuthClient.newEmail(), AuthClient.PASSWORD);
    body.put(field, unescape(value));

    client
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].message")
        .isEqualTo(message)
        .jsonPath("$.errors.length()")
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM moveacces.users")).isEqualTo(usersBefore);
  }

  /** {@code \\uXXXX} and {@code \\n} in a CSV cell, as the character itself. */
  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && value.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (c == '\\' && value.charAt(i + 1) == 'n') {
        out.append('\n');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
                "tel", "12"))
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
