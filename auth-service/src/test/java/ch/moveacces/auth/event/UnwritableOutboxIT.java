package ch.moveacces.auth.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.RedisKeys;
import ch.moveacces.auth.RunningAuthService;
import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.OutboxRows;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * When the event cannot be written, the request fails with 500 and reports no success: the
 * service's account briefly loses its INSERT grant on {@code outbox_auth}, as a full or broken
 * table would refuse the row.
 *
 * <p>Registration and login then answer 500 and leave no account and no session behind.
 */
@RunningAuthService
class UnwritableOutboxIT {

  private static final OutboxRows OUTBOX = OutboxRows.of("outbox_auth", ServiceAccount.AUTH);

  @Autowired WebTestClient client;

  @Test
  void aRegistrationWhoseEventCannotBeWrittenLeavesNoAccount() throws SQLException {
    String email = AuthClient.newEmail();

    OUTBOX.withoutInserts(
        () ->
            client
                .post()
                .uri("/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(AuthClient.registration(email, AuthClient.PASSWORD))
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
    assertThat(count("SELECT COUNT(*) FROM acces_app WHERE email = ?", email)).isZero();
    new AuthClient(client).register(email);
  }

  @Test
  void aLoginWhoseEventCannotBeWrittenFailsAndLeavesNoSession() throws SQLException {
    String email = AuthClient.newEmail();
    long userId = new AuthClient(client).register(email);

    OUTBOX.withoutInserts(
        () -> {
          login(email, AuthClient.PASSWORD).expectStatus().isEqualTo(500);
          login(email, "not the password at all").expectStatus().isEqualTo(500);
        });

    assertThat(RedisKeys.userSessions(userId)).isEmpty();
  }

  private WebTestClient.ResponseSpec login(String email, String password) {
    return client
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange();
  }

  private static long count(String sql, String parameter) throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement statement = admin.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
