package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * profile-service stopped as its process would be by an operator or a crash: its routes answer 503
 * problem+json at once through the gateway, never a hang, while logging in and the session list
 * (auth-service) go on as before; started again, it serves again.
 *
 * <p>{@code GET} and {@code PATCH /users/me} answer 503 with {@code Retry-After} within 2 s;
 * started again, profile-service serves within 30 s.
 */
@WithRunningSystem
class ServiceOutageSystemIT {

  private static final String PASSWORD = "Service-absent mais-rapide";
  private static final Duration FAST = Duration.ofSeconds(2);

  @Test
  void withProfileServiceStoppedItsRoutesAnswer503FastAndAuthRoutesWork(RunningSystem system) {
    ApiClient anonymous = ApiClient.from(system);
    String email = "outage-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Absent", "prenom", "Paul"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    ApiClient member = anonymous.withToken(login(anonymous, email).text("access_token"));
    assertThat(member.get("/users/me").status()).isEqualTo(200);

    ApplicationProcess profileService = system.application("profile-service");
    profileService.stop();
    try {
      assertThat(profileService.isRunning()).isFalse();
      for (int i = 0; i < 3; i++) {
        assertUnavailableFast(() -> member.get("/users/me"));
      }
      assertUnavailableFast(() -> member.mergePatch("/users/me", Map.of("nom", "Encore"), null));

      Reply login = login(ApiClient.from(system), email);
      ApiClient again = anonymous.withToken(login.text("access_token"));
      Reply sessions = again.get("/auth/sessions");
      assertThat(sessions.status()).as(sessions.body().toString()).isEqualTo(200);
      assertThat(sessions.body().size()).isEqualTo(2);
      assertThat(member.get("/auth/sessions").status()).isEqualTo(200);
    } finally {
      profileService.start();
    }

    // The route's circuit breaker may have opened; it lets calls through again after 10 s.
    await("profile-service to be served through the gateway again")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> member.get("/users/me").status() == 200);
    assertThat(member.get("/users/me").text("email")).isEqualTo(email);
  }

  private static void assertUnavailableFast(java.util.function.Supplier<Reply> call) {
    long started = System.nanoTime();
    Reply reply = call.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(503);
    assertThat(took).isLessThan(FAST);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.header("Retry-After")).isNotBlank();
    assertThat(reply.body().path("status").asInt()).isEqualTo(503);
  }

  private static Reply login(ApiClient client, String email) {
    Reply login = client.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return login;
  }
}
