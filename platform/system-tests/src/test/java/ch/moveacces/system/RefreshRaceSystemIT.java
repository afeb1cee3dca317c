package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.system.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A phone that wakes up sends its refresh from two places at once (the app and its background
 * sync): within the grace window both get the same new pair, and the member stays logged in.
 */
@WithRunningSystem
class RefreshRaceSystemIT {

  private static final String PASSWORD = "Deux-requetes en-meme-temps";

  @Test
  void twoRacingRefreshesWithOneTokenBothGetTheSameNewPairAndTheSessionLives(RunningSystem system)
      throws Exception {
    ApiClient anonymous = ApiClient.from(system);
    String email = "race-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Course", "prenom", "Lea"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    String refreshToken = login.text("refresh_token");

    List<Reply> replies;
    try (ExecutorService racers = Executors.newFixedThreadPool(2)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> racing =
          List.of(
              racers.submit(() -> refreshWhen(start, anonymous, refreshToken)),
              racers.submit(
                  () -> refreshWhen(start, anonymous.fromAnotherAddress(), refreshToken)));
      start.countDown();
      replies = List.of(racing.get(0).get(), racing.get(1).get());
    }

    assertThat(replies)
        .allSatisfy(
            reply -> {
              assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
              assertThat(reply.text("refresh_token")).isNotEqualTo(refreshToken);
            });
    Reply first = replies.get(0);
    Reply second = replies.get(1);
    assertThat(second.text("access_token")).isEqualTo(first.text("access_token"));
    assertThat(second.text("refresh_token")).isEqualTo(first.text("refresh_token"));

    ApiClient member = anonymous.withToken(first.text("access_token"));
    assertThat(member.get("/users/me").status()).as("the new access token").isEqualTo(200);
    Reply next =
        anonymous.post("/auth/refresh", Map.of("refresh_token", first.text("refresh_token")));
    assertThat(next.status()).as("the new refresh token, used once more").isEqualTo(200);
    assertThat(anonymous.withToken(next.text("access_token")).get("/users/me").status())
        .isEqualTo(200);
  }

  private static Reply refreshWhen(CountDownLatch start, ApiClient client, String refreshToken)
      throws InterruptedException {
    start.await();
    return client.post("/auth/refresh", Map.of("refresh_token", refreshToken));
  }
}
