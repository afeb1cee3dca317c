package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Everything security-relevant a member does, and everything done to their abonnements, ends up
 * once in the audit trail, under the trace of the request that caused it, for auditors to query.
 * Each test has a member of its own.
 */
@WithRunningSystem
class EventsAuditSystemIT {

  private static final String USER_REGISTERED = "ch.moveacces.identity.user-registered.v1";
  private static final String LOGIN_SUCCEEDED = "ch.moveacces.identity.login-succeeded.v1";
  private static final String LOGIN_FAILED = "ch.moveacces.identity.login-failed.v1";
  private static final String REFRESH_TOKEN_ROTATED =
      "ch.moveacces.identity.refresh-token-rotated.v1";
  private static final String REFRESH_TOKEN_REUSE_DETECTED =
      "ch.moveacces.identity.refresh-token-reuse-detected.v1";
  private static final String LOGGED_OUT = "ch.moveacces.identity.logged-out.v1";
  private static final String SESSION_REVOKED = "ch.moveacces.identity.session-revoked.v1";
  private static final String ALL_SESSIONS_REVOKED =
      "ch.moveacces.identity.all-sessions-revoked.v1";
  private static final String PASSWORD_CHANGED = "ch.moveacces.identity.password-changed.v1";
  private static final String PROFILE_UPDATED = "ch.moveacces.profile.profile-updated.v1";
  private static final String ABONNEMENT_CREATED =
      "ch.moveacces.subscription.abonnement-created.v1";
  private static final String ABONNEMENT_ACTIVATED =
      "ch.moveacces.subscription.abonnement-activated.v1";
  private static final String ABONNEMENT_PAUSED = "ch.moveacces.subscription.abonnement-paused.v1";
  private static final String ABONNEMENT_RESUMED =
      "ch.moveacces.subscription.abonnement-resumed.v1";
  private static final String ABONNEMENT_CANCELED =
      "ch.moveacces.subscription.abonnement-canceled.v1";
  private static final String ABONNEMENT_EXPIRED =
      "ch.moveacces.subscription.abonnement-expired.v1";

  private static final String PASSWORD = "Sentier-du-Jura 2026";
  private static final String ADMIN_EMAIL = "admin@moveacces.ch";
  private static final String ADMIN_PASSWORD = "Control-Room-2026!";

  /** The test system's refresh-token grace window ({@link RunningSystem#ENVIRONMENT}). */
  private static final Duration REFRESH_GRACE = Duration.ofSeconds(2);

  private static final ZoneId SWISS_TIME = ZoneId.of("Europe/Zurich");

  private static AuditTrail audit;

  @BeforeAll
  static void signInTheAuditor(RunningSystem system) {
    audit = AuditTrail.readByTheAuditor(system);
  }

  @Test
  void registrationIsRecordedOnceUnderTheTraceOfItsRequest(RunningSystem system) {
    Instant before = Instant.now().minusMillis(1);
    Member member = register(system, "registered");
    Instant after = Instant.now().plusMillis(1);

    List<JsonNode> trail = audit.awaitTrailOf(member.userId(), List.of(USER_REGISTERED));

    assertThat(types(trail)).containsExactly(USER_REGISTERED);
    JsonNode row = recordedOnce(trail, USER_REGISTERED, member.registrationTrace(), member);
    assertThat(row.path("event_id").asString())
        .matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    Instant occurred = Instant.parse(row.path("occurred_at").asString());
    assertThat(occurred).isBetween(before, after);
    assertThat(Instant.parse(row.path("recorded_at").asString())).isAfterOrEqualTo(occurred);
    assertThat(row.path("user_agent").asString()).isEqualTo("move-acces-system-test");

    Reply single = audit.row(row.path("event_id").asString());
    assertThat(single.status()).as(single.body().toString()).isEqualTo(200);
    assertThat(single.body()).isEqualTo(row);
  }

  @Test
  void signingInRefreshingAndAReplayedTokenAreEachRecordedOnce(RunningSystem system) {
    Member member = register(system, "signin");
    ApiClient client = member.client();
    String wrongPassword = "Pas-mon-mot-de-passe " + UUID.randomUUID();

    Reply refused =
        client.post("/auth/login", Map.of("email", member.email(), "password", wrongPassword));
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);
    Reply login = login(client, member.email(), PASSWORD);
    String session = login.text("session_id");
    String rotatedAway = login.text("refresh_token");
    Reply rotation = client.post("/auth/refresh", Map.of("refresh_token", rotatedAway));
    assertThat(rotation.status()).as(rotation.body().toString()).isEqualTo(200);
    Reply replay =
        await("the rotated refresh token, replayed after the grace window, to be refused")
            .pollDelay(REFRESH_GRACE.plusMillis(500))
            .pollInterval(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> client.post("/auth/refresh", Map.of("refresh_token", rotatedAway)),
                reply -> reply.status() == 401);

    List<String> expected =
        List.of(
            USER_REGISTERED,
            LOGIN_FAILED,
            LOGIN_SUCCEEDED,
            REFRESH_TOKEN_ROTATED,
            REFRESH_TOKEN_REUSE_DETECTED);
    List<JsonNode> trail = audit.awaitTrailOf(member.userId(), expected);

    assertThat(types(trail)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode failed = recordedOnce(trail, LOGIN_FAILED, traceOf(refused), member);
    assertThat(failed.path("data").path("reason").asString()).isEqualTo("wrong_password");
    assertThat(failed.toString()).doesNotContain(wrongPassword).doesNotContain(PASSWORD);
    assertThat(sessionOf(recordedOnce(trail, LOGIN_SUCCEEDED, traceOf(login), member)))
        .isEqualTo(session);
    assertThat(sessionOf(recordedOnce(trail, REFRESH_TOKEN_ROTATED, traceOf(rotation), member)))
        .isEqualTo(session);
    assertThat(
            sessionOf(recordedOnce(trail, REFRESH_TOKEN_REUSE_DETECTED, traceOf(replay), member)))
        .isEqualTo(session);
  }

  @Test
  void aLoginForAnUnknownEmailIsRecordedUnderTheEmailsHashNeverTheEmail(RunningSystem system) {
    ApiClient stranger = ApiClient.from(system);
    String email = "nobody-" + UUID.randomUUID() + "@example.ch";
    String password = "Devinette-" + UUID.randomUUID();
    Instant before = Instant.now().minusMillis(1);

    Reply refused =
        stranger.post(
            "/auth/login",
            Map.of("email", " " + email.toUpperCase(Locale.ROOT) + " ", "password", password));
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);

    String subject = "email-sha256:" + sha256Hex(email);
    List<JsonNode> rows =
        audit.awaitRows(
            Map.of("type", LOGIN_FAILED, "from", before.toString(), "limit", "100"),
            failures -> failures.stream().anyMatch(row -> hasSubject(row, subject)),
            "the failed login of " + subject);

    List<JsonNode> recorded = rows.stream().filter(row -> hasSubject(row, subject)).toList();
    assertThat(recorded).as(subject + " among " + rows).hasSize(1);
    JsonNode row = recorded.getFirst();
    assertThat(row.path("trace_id").asString()).isEqualTo(traceOf(refused));
    assertThat(row.path("source").asString()).isEqualTo("/auth-service");
    assertThat(row.path("user_id").isNull() || row.path("user_id").isMissingNode())
        .as("no user id for an unknown email: " + row)
        .isTrue();
    assertThat(row.path("data").path("reason").asString()).isEqualTo("unknown_email");
    assertThat(row.toString().toLowerCase(Locale.ROOT))
        .doesNotContain(email)
        .doesNotContain(email.substring(0, email.indexOf('@')))
        .doesNotContain(password.toLowerCase(Locale.ROOT));
  }

  @Test
  void endingOneSessionOrAllOfThemIsRecordedOnceEach(RunningSystem system) {
    Member member = register(system, "sessions");
    Reply onPhone = login(member.client().fromAnotherAddress(), member.email(), PASSWORD);
    Reply onLaptop = login(member.client().fromAnotherAddress(), member.email(), PASSWORD);
    Reply onTablet = login(member.client().fromAnotherAddress(), member.email(), PASSWORD);
    ApiClient laptop = member.client().withToken(onLaptop.text("access_token"));
    ApiClient tablet = member.client().withToken(onTablet.text("access_token"));
    Reply sessions = laptop.get("/auth/sessions");
    assertThat(sessions.status()).as(sessions.body().toString()).isEqualTo(200);
    Map<String, String> addresses =
        sessions
            .body()
            .valueStream()
            .collect(
                Collectors.toMap(
                    session -> session.path("id").asString(),
                    session -> session.path("ip").asString()));

    Reply revoked = laptop.delete("/auth/sessions/" + onPhone.text("session_id"));
    assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(204);
    Reply loggedOut =
        tablet.post("/auth/logout", Map.of("refresh_token", onTablet.text("refresh_token")));
    assertThat(loggedOut.status()).as(loggedOut.body().toString()).isEqualTo(204);
    Reply allRevoked = laptop.post("/auth/logout-all", Map.of());
    assertThat(allRevoked.status()).as(allRevoked.body().toString()).isEqualTo(204);

    List<String> expected =
        List.of(
            USER_REGISTERED,
            LOGIN_SUCCEEDED,
            LOGIN_SUCCEEDED,
            LOGIN_SUCCEEDED,
            SESSION_REVOKED,
            LOGGED_OUT,
            ALL_SESSIONS_REVOKED);
    List<JsonNode> trail = audit.awaitTrailOf(member.userId(), expected);

    assertThat(types(trail)).containsExactlyInAnyOrderElementsOf(expected);
    for (Reply login : List.of(onPhone, onLaptop, onTablet)) {
      JsonNode row = recordedOnce(trail, LOGIN_SUCCEEDED, traceOf(login), member);
      assertThat(sessionOf(row)).isEqualTo(login.text("session_id"));
      assertThat(row.path("client_ip").asString())
          .as("the address the session was opened from")
          .isEqualTo(addresses.get(login.text("session_id")))
          .startsWith("10.");
    }
    assertThat(sessionOf(recordedOnce(trail, SESSION_REVOKED, traceOf(revoked), member)))
        .isEqualTo(onPhone.text("session_id"));
    assertThat(sessionOf(recordedOnce(trail, LOGGED_OUT, traceOf(loggedOut), member)))
        .isEqualTo(onTablet.text("session_id"));
    JsonNode all = recordedOnce(trail, ALL_SESSIONS_REVOKED, traceOf(allRevoked), member);
    assertThat(all.path("data").path("revoked_sessions").asInt())
        .as("only the laptop's session was still open")
        .isEqualTo(1);
  }

  @Test
  void aPasswordChangeIsRecordedOnceWithoutEitherPassword(RunningSystem system) {
    Member member = register(system, "password");
    Reply login = login(member.client(), member.email(), PASSWORD);
    ApiClient signedIn = member.client().withToken(login.text("access_token"));
    String newPassword = "Chemin-des-Cretes " + UUID.randomUUID();

    Reply changed =
        signedIn.post(
            "/auth/password", Map.of("current_password", PASSWORD, "new_password", newPassword));
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(204);

    List<String> expected = List.of(USER_REGISTERED, LOGIN_SUCCEEDED, PASSWORD_CHANGED);
    List<JsonNode> trail = audit.awaitTrailOf(member.userId(), expected);

    assertThat(types(trail)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode row = recordedOnce(trail, PASSWORD_CHANGED, traceOf(changed), member);
    assertThat(sessionOf(row))
        .as("the session that changed it")
        .isEqualTo(login.text("session_id"));
    assertThat(row.toString()).doesNotContain(PASSWORD).doesNotContain(newPassword);
  }

  @Test
  void aProfileUpdateRecordsTheNamesOfTheChangedFieldsNeverTheirValues(RunningSystem system) {
    Member member = register(system, "profile");
    Reply login = login(member.client(), member.email(), PASSWORD);
    ApiClient signedIn = member.client().withToken(login.text("access_token"));

    Reply edited =
        signedIn.mergePatch(
            "/users/me", Map.of("tel", "079 555 12 34", "localite", "Yverdon-les-Bains"), null);
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);

    List<String> expected = List.of(USER_REGISTERED, LOGIN_SUCCEEDED, PROFILE_UPDATED);
    List<JsonNode> trail = audit.awaitTrailOf(member.userId(), expected);

    assertThat(types(trail)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode row = recordedOnce(trail, PROFILE_UPDATED, traceOf(edited), member);
    assertThat(row.path("data").path("changed_fields").valueStream().map(JsonNode::asString))
        .containsExactlyInAnyOrder("tel", "localite");
    assertThat(row.toString())
        .doesNotContain("Yverdon")
        .doesNotContain("+41795551234")
        .doesNotContain("555 12 34");
  }

  @Test
  void anAbonnementsLifeIsRecordedStepByStepUnderItsMember(RunningSystem system) {
    Member member = register(system, "abonnement");
    Reply login = login(member.client(), member.email(), PASSWORD);
    ApiClient signedIn = member.client().withToken(login.text("access_token"));
    ApiClient admin = signedInAsAdmin(system);
    LocalDate today = LocalDate.now(SWISS_TIME);

    Reply created =
        admin.post(
            "/admin/subscriptions",
            Map.of(
                "user_id",
                member.userId(),
                "name",
                "Move Mensuel",
                "state",
                "pending",
                "date_start",
                today.toString(),
                "date_stop",
                today.plusMonths(1).toString(),
                "price",
                new BigDecimal("49.00")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long abonnement = abonnementIdOf(created);
    Reply activated = admin.post("/admin/subscriptions/" + abonnement + "/activate", Map.of());
    Reply paused = signedIn.post("/subscriptions/" + abonnement + "/pause", Map.of());
    Reply resumed = signedIn.post("/subscriptions/" + abonnement + "/resume", Map.of());
    Reply canceled = signedIn.post("/subscriptions/" + abonnement + "/cancel", Map.of());
    for (Reply step : List.of(activated, paused, resumed, canceled)) {
      assertThat(step.status()).as(step.body().toString()).isEqualTo(200);
    }

    List<String> expected =
        List.of(
            USER_REGISTERED,
            LOGIN_SUCCEEDED,
            ABONNEMENT_CREATED,
            ABONNEMENT_ACTIVATED,
            ABONNEMENT_PAUSED,
            ABONNEMENT_RESUMED,
            ABONNEMENT_CANCELED);
    List<JsonNode> trail = audit.awaitTrailOf(member.userId(), expected);

    assertThat(types(trail)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode creation = recordedOnce(trail, ABONNEMENT_CREATED, traceOf(created), member);
    assertThat(creation.path("data").path("status").asString()).isEqualTo("pending");
    assertThat(abonnementOf(creation)).isEqualTo(abonnement);
    assertThat(abonnementOf(recordedOnce(trail, ABONNEMENT_ACTIVATED, traceOf(activated), member)))
        .isEqualTo(abonnement);
    assertThat(abonnementOf(recordedOnce(trail, ABONNEMENT_PAUSED, traceOf(paused), member)))
        .isEqualTo(abonnement);
    assertThat(abonnementOf(recordedOnce(trail, ABONNEMENT_RESUMED, traceOf(resumed), member)))
        .isEqualTo(abonnement);
    JsonNode cancellation = recordedOnce(trail, ABONNEMENT_CANCELED, traceOf(canceled), member);
    assertThat(abonnementOf(cancellation)).isEqualTo(abonnement);
    assertThat(cancellation.path("data").path("previous_status").asString()).isEqualTo("active");
  }

  @Test
  void anAbonnementPastItsEndIsExpiredByTheSystemAndRecorded(RunningSystem system) {
    Member member = register(system, "expiry");
    ApiClient admin = signedInAsAdmin(system);
    LocalDate today = LocalDate.now(SWISS_TIME);
    LocalDate ended = today.minusDays(2);

    Reply created =
        admin.post(
            "/admin/subscriptions",
            Map.of(
                "user_id",
                member.userId(),
                "name",
                "Move Decouverte",
                "state",
                "active",
                "date_start",
                today.minusDays(10).toString(),
                "date_stop",
                ended.toString(),
                "price",
                new BigDecimal("19.00")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long abonnement = abonnementIdOf(created);

    List<String> expected = List.of(USER_REGISTERED, ABONNEMENT_CREATED, ABONNEMENT_EXPIRED);
    List<JsonNode> trail = audit.awaitTrailOf(member.userId(), expected);

    assertThat(types(trail)).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode creation = recordedOnce(trail, ABONNEMENT_CREATED, traceOf(created), member);
    assertThat(creation.path("data").path("status").asString()).isEqualTo("active");
    JsonNode expiry = onlyOne(trail, ABONNEMENT_EXPIRED);
    assertAbout(expiry, member);
    assertThat(abonnementOf(expiry)).isEqualTo(abonnement);
    assertThat(expiry.path("data").path("previous_status").asString()).isEqualTo("active");
    assertThat(expiry.path("data").path("date_stop").asString()).isEqualTo(ended.toString());
    assertThat(expiry.path("trace_id").asString())
        .as("the job run's own trace, not the request's that created the abonnement")
        .matches("[0-9a-f]{32}")
        .isNotEqualTo(traceOf(created));
    assertThat(expiry.path("client_ip").isNull()).as("no requester: " + expiry).isTrue();
  }

  @Test
  void auditorsQueryByMemberTypeAndTimeAndPageNewestFirst(RunningSystem system) {
    Instant start = Instant.now().minusMillis(1);
    Member member = register(system, "queries");
    Reply login = login(member.client(), member.email(), PASSWORD);
    ApiClient signedIn = member.client().withToken(login.text("access_token"));
    Instant editsBegin = Instant.now();
    Reply firstEdit = signedIn.mergePatch("/users/me", Map.of("npa", "1400"), null);
    Reply secondEdit = signedIn.mergePatch("/users/me", Map.of("localite", "Orbe"), null);
    Instant editsEnd = Instant.now();
    Reply logout =
        signedIn.post("/auth/logout", Map.of("refresh_token", login.text("refresh_token")));
    for (Reply step : List.of(firstEdit, secondEdit)) {
      assertThat(step.status()).as(step.body().toString()).isEqualTo(200);
    }
    assertThat(logout.status()).as(logout.body().toString()).isEqualTo(204);
    List<String> expected =
        List.of(USER_REGISTERED, LOGIN_SUCCEEDED, PROFILE_UPDATED, PROFILE_UPDATED, LOGGED_OUT);

    List<JsonNode> byMember = audit.awaitTrailOf(member.userId(), expected);

    assertThat(types(byMember)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(byMember)
        .allSatisfy(row -> assertThat(row.path("user_id").asLong()).isEqualTo(member.userId()));
    assertThat(byMember.stream().map(row -> Instant.parse(row.path("occurred_at").asString())))
        .as("newest first")
        .isSortedAccordingTo(Comparator.reverseOrder());

    List<JsonNode> byType =
        audit.rows(Map.of("type", PROFILE_UPDATED, "from", start.toString(), "limit", "100"));
    assertThat(types(byType)).containsOnly(PROFILE_UPDATED);
    assertThat(byType.stream().map(row -> row.path("trace_id").asString()))
        .contains(traceOf(firstEdit), traceOf(secondEdit));

    List<JsonNode> duringTheEdits =
        audit.rows(
            Map.of(
                "user_id",
                String.valueOf(member.userId()),
                "from",
                editsBegin.toString(),
                "to",
                editsEnd.toString()));
    assertThat(duringTheEdits.stream().map(row -> row.path("trace_id").asString()))
        .containsExactly(traceOf(secondEdit), traceOf(firstEdit));

    List<List<JsonNode>> pages = audit.pages(Map.of("user_id", String.valueOf(member.userId())), 2);
    assertThat(pages.stream().map(List::size)).containsExactly(2, 2, 1);
    assertThat(pages.stream().flatMap(List::stream).map(EventsAuditSystemIT::eventIdOf))
        .as("every row once, in the order of the whole trail")
        .containsExactlyElementsOf(byMember.stream().map(EventsAuditSystemIT::eventIdOf).toList());
  }

  @Test
  void aMemberIsNotAnAuditor(RunningSystem system) {
    Member member = register(system, "curious");
    Reply login = login(member.client(), member.email(), PASSWORD);
    ApiClient signedIn = member.client().withToken(login.text("access_token"));

    for (Reply refused :
        List.of(
            signedIn.get("/audit/events?user_id=" + member.userId()),
            signedIn.get("/audit/events/" + UUID.randomUUID()))) {
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.text("type")).startsWith("https://moveacces.ch/problems/");
      assertThat(refused.body().has("items")).isFalse();
    }
  }

  /** A member just registered from an address of their own, and the trace of that request. */
  private record Member(ApiClient client, String email, long userId, String registrationTrace) {}

  private static Member register(RunningSystem system, String purpose) {
    ApiClient client = ApiClient.from(system);
    String email = purpose + "-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        client.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Lea"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    return new Member(
        client, email, registered.body().path("user_id").asLong(), traceOf(registered));
  }

  private static Reply login(ApiClient client, String email, String password) {
    Reply login = client.post("/auth/login", Map.of("email", email, "password", password));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return login;
  }

  private static ApiClient signedInAsAdmin(RunningSystem system) {
    ApiClient client = ApiClient.from(system);
    return client.withToken(login(client, ADMIN_EMAIL, ADMIN_PASSWORD).text("access_token"));
  }

  private static String traceOf(Reply reply) {
    String trace = reply.header("X-Trace-Id");
    assertThat(trace).as("X-Trace-Id").matches("[0-9a-f]{32}");
    return trace;
  }

  /**
   * The one row of this type recorded under this trace, about this member, from the service that
   * owns the type.
   */
  private static JsonNode recordedOnce(
      List<JsonNode> trail, String type, String trace, Member member) {
    List<JsonNode> rows =
        trail.stream()
            .filter(row -> row.path("type").asString().equals(type))
            .filter(row -> row.path("trace_id").asString().equals(trace))
            .toList();
    assertThat(rows).as(type + " under trace " + trace + " in " + trail).hasSize(1);
    JsonNode row = rows.getFirst();
    assertAbout(row, member);
    return row;
  }

  private static JsonNode onlyOne(List<JsonNode> trail, String type) {
    List<JsonNode> rows =
        trail.stream().filter(row -> row.path("type").asString().equals(type)).toList();
    assertThat(rows).as(type + " in " + trail).hasSize(1);
    return rows.getFirst();
  }

  private static void assertAbout(JsonNode row, Member member) {
    assertThat(row.path("subject").asString()).as(row.toString()).isEqualTo("" + member.userId());
    assertThat(row.path("user_id").asLong()).as(row.toString()).isEqualTo(member.userId());
    String type = row.path("type").asString();
    String source =
        type.startsWith("ch.moveacces.identity.")
            ? "/auth-service"
            : type.startsWith("ch.moveacces.profile.")
                ? "/profile-service"
                : "/subscription-service";
    assertThat(row.path("source").asString()).as(row.toString()).isEqualTo(source);
    // each event of the services matches its schema, is a link of its topic-partition's chain
    // and, until erased, keeps its personal data
    assertThat(row.path("schema_valid").asBoolean(false)).as(row.toString()).isTrue();
    assertThat(row.path("erased").asBoolean(true)).as(row.toString()).isFalse();
    String context = type.split("\\.")[2]; // ch.moveacces.<context>.<event>.v1
    assertThat(row.path("chain").asString()).as(row.toString()).startsWith(context + ".events.v1-");
  }

  private static List<String> types(List<JsonNode> rows) {
    return rows.stream().map(row -> row.path("type").asString()).toList();
  }

  private static String sessionOf(JsonNode row) {
    return row.path("data").path("session_id").asString();
  }

  private static long abonnementOf(JsonNode row) {
    return row.path("data").path("abonnement_id").asLong();
  }

  private static long abonnementIdOf(Reply created) {
    long id = created.body().path("id").asLong();
    assertThat(id).as("the new abonnement's id: " + created.body()).isPositive();
    return id;
  }

  private static String eventIdOf(JsonNode row) {
    return row.path("event_id").asString();
  }

  private static boolean hasSubject(JsonNode row, String subject) {
    return row.path("subject").asString().equals(subject);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
