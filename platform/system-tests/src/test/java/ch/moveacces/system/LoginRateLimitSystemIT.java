package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.system.ApiClient.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Password guessing is slowed down per client address and per account, in Redis. */
@WithRunningSystem
class LoginRateLimitSystemIT {

  @Test
  void sixthLoginInAMinuteFromOneAddressIsRefusedOthersStillPass(RunningSystem system) {
    ApiClient guesser = ApiClient.from(system);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(login(guesser, randomEmail()).status()).as("attempt " + attempt).isEqualTo(401);
    }

    Reply sixth = login(guesser, randomEmail());

    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 60);
    assertThat(sixth.header("RateLimit-Policy")).isNotBlank();
    assertThat(login(guesser.fromAnotherAddress(), randomEmail()).status())
        .as("another address")
        .isEqualTo(401);
  }

  @Test
  void oneAccountCannotBeGuessedFromManyAddresses(RunningSystem system) {
    String target = randomEmail();
    ApiClient client = ApiClient.from(system);
    for (int attempt = 1; attempt <= 5; attempt++) {
      client = client.fromAnotherAddress();
      assertThat(login(client, target).status()).as("attempt " + attempt).isEqualTo(401);
    }

    assertThat(login(client.fromAnotherAddress(), target).status()).isEqualTo(429);
    assertThat(login(client.fromAnotherAddress(), randomEmail()).status())
        .as("another account from a fresh address")
        .isEqualTo(401);
  }

  private static Reply login(ApiClient client, String email) {
    return client.post(
        "/auth/login", Map.of("email", email, "password", "not the right password at all"));
  }

  private static String randomEmail() {
    return "guess-" + UUID.randomUUID() + "@example.ch";
  }
}
