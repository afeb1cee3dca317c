package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A member's life through the public entry point, every application its own process: register, log
 * in, read and edit the profile, refresh, and lose the session the moment a stolen refresh token is
 * replayed.
 */
@WithRunningSystem
class IdentityJourneySystemIT {

  private static final String PASSWORD = "Velo-du-lac-2026 matin";

  @Test
  void registerLoginEditRefreshAndReplayRevokesTheSessionAtOnce(RunningSystem system) {
    ApiClient anonymous = ApiClient.from(system);
    String email = "journey-" + UUID.randomUUID() + "@example.ch";

    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of(
                "email",
                "  " + email.toUpperCase() + " ",
                "password",
                PASSWORD,
                "nom",
                "Muster",
                "prenom",
                "Anna"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    assertThat(registered.body().path("user_id").asLong()).isPositive();

    Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    assertThat(login.text("token_type")).isEqualTo("Bearer");
    assertThat(login.body().path("expires_in").asInt()).isEqualTo(900);
    ApiClient member = anonymous.withToken(login.text("access_token"));

    Reply profile = member.get("/users/me");
    assertThat(profile.status()).as(profile.body().toString()).isEqualTo(200);
    assertThat(profile.text("email")).isEqualTo(email);
    assertThat(profile.header("ETag")).isNotBlank();

    Map<String, Object> changes = new HashMap<>();
    changes.put("tel", "079 123 45 67");
    changes.put("npa", "1204");
    Reply edited = member.mergePatch("/users/me", changes, profile.header("ETag"));
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(edited.text("tel")).isEqualTo("+41791234567");
    assertThat(edited.text("npa")).isEqualTo("1204");
    assertThat(
            member.mergePatch("/users/me", Map.of("nom", "Autre"), profile.header("ETag")).status())
        .as("a stale If-Match")
        .isEqualTo(412);

    String stolen = login.text("refresh_token");
    Reply refreshed = anonymous.post("/auth/refresh", Map.of("refresh_token", stolen));
    assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
    ApiClient refreshedMember = anonymous.withToken(refreshed.text("access_token"));
    assertThat(refreshedMember.get("/users/me").status()).isEqualTo(200);

    // Past the grace window (2 s here), replaying the rotated token is theft: the session ends.
    await("the replayed refresh token to be refused")
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> anonymous.post("/auth/refresh", Map.of("refresh_token", stolen)).status() == 401);

    Reply afterRevocation = refreshedMember.get("/users/me");
    assertThat(afterRevocation.status()).as("the session's newest access token").isEqualTo(401);
    assertThat(afterRevocation.header("Content-Type")).startsWith("application/problem+json");
    assertThat(
            anonymous
                .post("/auth/refresh", Map.of("refresh_token", refreshed.text("refresh_token")))
                .status())
        .as("the newest refresh token of the revoked session")
        .isEqualTo(401);
  }

  @Test
  void membersNeverSeeOrRevokeEachOthersSessions(RunningSystem system) {
    ApiClient anna = signedUp(system);
    ApiClient ben = signedUp(system);

    Reply annasSessions = anna.get("/auth/sessions");
    assertThat(annasSessions.status()).isEqualTo(200);
    String annasSession = annasSessions.body().get(0).path("id").asString();

    assertThat(ben.delete("/auth/sessions/" + annasSession).status()).isEqualTo(404);
    assertThat(anna.get("/users/me").status()).as("Anna is still logged in").isEqualTo(200);
    assertThat(ben.get("/auth/sessions").body().valueStream().map(s -> s.path("id").asString()))
        .doesNotContain(annasSession);
  }

  @Test
  void logoutEndsTheSessionAtTheGatewayAtOnce(RunningSystem system) {
    ApiClient anonymous = ApiClient.from(system);
    String email = "logout-" + UUID.randomUUID() + "@example.ch";
    register(anonymous, email);
    Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    ApiClient member = anonymous.withToken(login.text("access_token"));

    Reply logout =
        member.post("/auth/logout", Map.of("refresh_token", login.text("refresh_token")));

    assertThat(logout.status()).isEqualTo(204);
    assertThat(member.get("/users/me").status()).isEqualTo(401);
  }

  private static ApiClient signedUp(RunningSystem system) {
    ApiClient anonymous = ApiClient.from(system);
    String email = "member-" + UUID.randomUUID() + "@example.ch";
    register(anonymous, email);
    Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return anonymous.withToken(login.text("access_token"));
  }

  private static void register(ApiClient client, String email) {
    Reply registered =
        client.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Ben"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
  }
}
