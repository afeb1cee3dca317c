package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.system.ApiClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member reaches only their own profile, whatever they send: headers naming someone else, another
 * member's id in the path or in the body. (Sessions: {@code IdentityJourneySystemIT}.)
 */
@WithRunningSystem
class MemberIsolationSystemIT {

  private static final String PASSWORD = "Chacun-chez-soi 2026";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aMemberNeverReadsNorChangesAnotherMembersProfile(RunningSystem system) throws Exception {
    Member anna = Member.signUp(system, "Anna");
    Member ben = Member.signUp(system, "Ben");
    JsonNode annasProfile = anna.client().get("/users/me").body();
    long annasId = annasProfile.path("user_id").asLong();

    HttpResponse<String> spoofed =
        http.send(
            HttpRequest.newBuilder(URI.create(system.gateway() + "/users/me"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ben.token())
                .header("X-User-Id", String.valueOf(annasId))
                .header("X-User-Email", annasProfile.path("email").asString())
                .header("X-Authenticated-User", String.valueOf(annasId))
                .header("X-Principal", String.valueOf(annasId))
                .header("Remote-User", String.valueOf(annasId))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(spoofed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(spoofed.body()).path("email").asString())
        .as("headers naming Anna change nothing")
        .isEqualTo(ben.email());

    Reply byId = ben.client().get("/users/" + annasId);
    assertThat(byId.status()).as("Anna's profile by her id").isEqualTo(404);
    assertThat(byId.body().toString()).doesNotContain(anna.email());

    Reply takeover =
        ben.client().mergePatch("/users/me", Map.of("user_id", annasId, "nom", "Pirate"), null);
    assertThat(takeover.status()).as(takeover.body().toString()).isEqualTo(422);
    assertThat(takeover.header("Content-Type")).startsWith("application/problem+json");

    JsonNode annasAfter = anna.client().get("/users/me").body();
    assertThat(annasAfter.path("nom").asString()).isEqualTo(annasProfile.path("nom").asString());
    assertThat(annasAfter.path("updated_at")).isEqualTo(annasProfile.path("updated_at"));
    assertThat(ben.client().get("/users/me").body().path("nom").asString())
        .as("nor did Ben's own profile change: the request was refused whole")
        .isEqualTo("Ben");
  }

  private record Member(ApiClient client, String email, String token) {

    static Member signUp(RunningSystem system, String name) {
      ApiClient anonymous = ApiClient.from(system);
      String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.ch";
      Reply registered =
          anonymous.post(
              "/auth/register",
              Map.of("email", email, "password", PASSWORD, "nom", name, "prenom", "Test"));
      assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
      Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
      assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
      String token = login.text("access_token");
      return new Member(anonymous.withToken(token), email, token);
    }
  }
}
