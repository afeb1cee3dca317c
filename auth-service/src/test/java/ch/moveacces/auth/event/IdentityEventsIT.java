package ch.moveacces.auth.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.RunningAuthService;
import ch.moveacces.auth.TestClock;
import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Subjects;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.testkit.OutboxRow;
import ch.moveacces.testkit.OutboxRows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every identity event, triggered through the API as a client behind the gateway would (the
 * gateway's {@code X-Forwarded-For} is believed from 127.0.0.1), checked in {@code outbox_auth}
 * against its schema.
 *
 * <p>Each of the nine events writes exactly one row, checked for its subject, {@code session_id}
 * and client fields (the forwarded address and a user agent); a refused registration, a refused
 * password change and a repeated refresh within the grace window write none, and no row carries a
 * password or a token. The member is the actor of every event but a failed login and a reused
 * refresh token, which name none (nobody authenticated).
 */
@RunningAuthService
class IdentityEventsIT {

  private static final EventSchemas SCHEMAS = EventSchemas.load();
  private static final OutboxRows OUTBOX =
      OutboxRows.of("outbox_auth", ServiceAccount.AUTH).eachPayloadCheckedBy(SCHEMAS::check);
  private static final String CLIENT_IP = "203.0.113.7";
  private static final String USER_AGENT = "MoveAcces/2.4 (iOS 18.1)";
  private static final String WRONG_PASSWORD = "not the password at all";
  private static final String NEW_PASSWORD = "a brand new passphrase";

  @Autowired WebTestClient client;
  @Autowired TestClock clock;

  @Test
  void registrationWritesUserRegistered() {
    long userId = auth().register(AuthClient.newEmail());

    EventEnvelope event = theOnly(EventType.USER_REGISTERED, userId);
    assertThat(event.actor()).isEqualTo(Actor.member(userId));

    assertThat(event.data())
        .containsOnlyKeys("client_ip", "user_agent")
        .containsEntry("client_ip", CLIENT_IP)
        .containsEntry("user_agent", USER_AGENT);
  }

  @Test
  void aRefusedRegistrationWritesNoEvent() {
    String email = AuthClient.newEmail();
    auth().register(email);
    long before = OUTBOX.lastId();

    phone()
        .post()
        .uri("/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(AuthClient.registration(email, AuthClient.PASSWORD))
        .exchange()
        .expectStatus()
        .isEqualTo(409);

    assertThat(OUTBOX.after(before)).isEmpty();
  }

  @Test
  void loginWritesLoginSucceededWithItsSession() {
    String email = AuthClient.newEmail();
    long userId = auth().register(email);

    Tokens tokens = auth().login(email, AuthClient.PASSWORD);

    assertFromThePhone(byTheMember(theOnly(EventType.LOGIN_SUCCEEDED, userId)))
        .containsEntry("session_id", tokens.sessionId());
  }

  @Test
  void aWrongPasswordWritesLoginFailedForTheUser() {
    String email = AuthClient.newEmail();
    long userId = auth().register(email);

    login(email, WRONG_PASSWORD).expectStatus().isUnauthorized();

    assertFromThePhone(byNobody(theOnly(EventType.LOGIN_FAILED, userId)))
        .containsOnlyKeys("reason", "client_ip", "user_agent")
        .containsEntry("reason", "wrong_password");
    assertThat(OUTBOX.withKey(userId)).noneMatch(ofType(EventType.LOGIN_SUCCEEDED));
  }

  @Test
  void anUnknownEmailWritesLoginFailedKeyedByTheEmailsHash() {
    String email = AuthClient.newEmail();

    login(" " + email.toUpperCase(), AuthClient.PASSWORD).expectStatus().isUnauthorized();

    String subject = Subjects.unknownEmail(email);
    assertFromThePhone(byNobody(theOnly(EventType.LOGIN_FAILED, subject)))
        .containsEntry("reason", "unknown_email");
    assertThat(OUTBOX.withKey(subject).get(0).payload()).doesNotContain(email);
  }

  @Test
  void aRefreshWritesOneRotationAndARepeatWithinTheGraceWindowNone() {
    SignedIn user = signedIn();
    long userId = user.id();
    Tokens tokens = user.tokens();

    Tokens next = auth().refreshed(tokens.refreshToken());
    clock.advance(Duration.ofSeconds(5));
    assertThat(auth().refreshed(tokens.refreshToken())).isEqualTo(next);

    assertFromThePhone(byTheMember(theOnly(EventType.REFRESH_TOKEN_ROTATED, userId)))
        .containsEntry("session_id", tokens.sessionId());
  }

  @Test
  void aReusedRefreshTokenWritesReuseDetectedForTheRevokedSession() {
    SignedIn user = signedIn();
    long userId = user.id();
    Tokens tokens = user.tokens();
    auth().refreshed(tokens.refreshToken());
    clock.advance(Duration.ofSeconds(21));

    auth().refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
    auth().refresh(tokens.refreshToken()).expectStatus().isUnauthorized();

    assertFromThePhone(byNobody(theOnly(EventType.REFRESH_TOKEN_REUSE_DETECTED, userId)))
        .containsEntry("session_id", tokens.sessionId());
    theOnly(EventType.REFRESH_TOKEN_ROTATED, userId);
  }

  @Test
  void logoutWritesLoggedOut() {
    SignedIn user = signedIn();
    Tokens tokens = user.tokens();

    phone()
        .post()
        .uri("/auth/logout")
        .headers(h -> h.setBearerAuth(tokens.accessToken()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", tokens.refreshToken()))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertFromThePhone(byTheMember(theOnly(EventType.LOGGED_OUT, user.id())))
        .containsEntry("session_id", tokens.sessionId());
  }

  @Test
  void endingAnotherSessionWritesSessionRevoked() {
    String email = AuthClient.newEmail();
    long userId = auth().register(email);
    Tokens first = auth().login(email, AuthClient.PASSWORD);
    Tokens second = auth().login(email, AuthClient.PASSWORD);

    phone()
        .delete()
        .uri("/auth/sessions/{id}", first.sessionId())
        .headers(h -> h.setBearerAuth(second.accessToken()))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertFromThePhone(byTheMember(theOnly(EventType.SESSION_REVOKED, userId)))
        .containsEntry("session_id", first.sessionId());
  }

  @Test
  void logoutAllWritesAllSessionsRevokedWithTheirCount() {
    String email = AuthClient.newEmail();
    long userId = auth().register(email);
    auth().login(email, AuthClient.PASSWORD);
    Tokens second = auth().login(email, AuthClient.PASSWORD);

    phone()
        .post()
        .uri("/auth/logout-all")
        .headers(h -> h.setBearerAuth(second.accessToken()))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertFromThePhone(byTheMember(theOnly(EventType.ALL_SESSIONS_REVOKED, userId)))
        .containsEntry("revoked_sessions", 2);
  }

  @Test
  void aPasswordChangeWritesPasswordChangedWithTheCallersSession() {
    SignedIn user = signedIn();
    Tokens tokens = user.tokens();

    changePassword(tokens, AuthClient.PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

    assertFromThePhone(byTheMember(theOnly(EventType.PASSWORD_CHANGED, user.id())))
        .containsOnlyKeys("session_id", "client_ip", "user_agent")
        .containsEntry("session_id", tokens.sessionId());
  }

  @Test
  void aRefusedPasswordChangeWritesNoEvent() {
    SignedIn user = signedIn();

    changePassword(user.tokens(), WRONG_PASSWORD, NEW_PASSWORD).expectStatus().isEqualTo(422);

    assertThat(OUTBOX.withKey(user.id())).noneMatch(ofType(EventType.PASSWORD_CHANGED));
  }

  @Test
  void noEventCarriesAPasswordOrAToken() {
    String email = AuthClient.newEmail();
    auth().register(email);
    login(email, WRONG_PASSWORD).expectStatus().isUnauthorized();
    Tokens tokens = auth().login(email, AuthClient.PASSWORD);
    Tokens next = auth().refreshed(tokens.refreshToken());
    changePassword(next, AuthClient.PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

    List<OutboxRow> rows = OUTBOX.all();

    assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
    List<String> secrets =
        List.of(
            AuthClient.PASSWORD,
            WRONG_PASSWORD,
            NEW_PASSWORD,
            "Ledger-Watch-2026!",
            "Control-Room-2026!",
            tokens.refreshToken(),
            tokens.accessToken(),
            next.refreshToken(),
            next.accessToken());
    assertThat(rows)
        .allSatisfy(
            row -> secrets.forEach(secret -> assertThat(row.payload()).doesNotContain(secret)));
  }

  /** The one row of this type and key, valid against its schema, on the identity topic. */
  private static EventEnvelope theOnly(EventType type, String key) {
    List<OutboxRow> rows = OUTBOX.withKey(key).stream().filter(ofType(type)).toList();
    assertThat(rows).as("%s rows keyed %s", type.type(), key).hasSize(1);
    OutboxRow row = rows.get(0);
    assertThat(row.topic()).isEqualTo(Topics.IDENTITY);
    EventEnvelope event = EventJson.read(row.payload());
    assertThat(event.subject()).isEqualTo(key);
    assertThat(event.source()).isEqualTo("/auth-service");
    return event;
  }

  /** The member the event is about acted, as a user in role {@code user}. */
  private static EventEnvelope byTheMember(EventEnvelope event) {
    assertThat(event.actor()).isEqualTo(Actor.member(Long.parseLong(event.subject())));
    assertThat(EventJson.toNode(event).get("actorrole").stringValue()).isEqualTo("user");
    return event;
  }

  /** Nobody authenticated: the event names no actor at all. */
  private static EventEnvelope byNobody(EventEnvelope event) {
    assertThat(event.actor()).isNull();
    assertThat(EventJson.toNode(event).has("actor")).isFalse();
    return event;
  }

  private static Predicate<OutboxRow> ofType(EventType type) {
    return row -> EventJson.read(row.payload()).type().equals(type.type());
  }

  private static EventEnvelope theOnly(EventType type, long userId) {
    return theOnly(type, String.valueOf(userId));
  }

  private static MapAssert<String, Object> assertFromThePhone(EventEnvelope event) {
    return assertThat(event.data())
        .containsEntry("client_ip", CLIENT_IP)
        .containsEntry("user_agent", USER_AGENT);
  }

  /** The API as the phone reaches it through the gateway. */
  private WebTestClient phone() {
    return client
        .mutate()
        .defaultHeader("User-Agent", USER_AGENT)
        // as the gateway writes it: the one address it resolved
        .defaultHeader("X-Forwarded-For", CLIENT_IP)
        .build();
  }

  private AuthClient auth() {
    return new AuthClient(phone());
  }

  /** A new user, signed in once from the phone. */
  private SignedIn signedIn() {
    String email = AuthClient.newEmail();
    long id = auth().register(email);
    return new SignedIn(id, auth().login(email, AuthClient.PASSWORD));
  }

  private record SignedIn(long id, Tokens tokens) {}

  private WebTestClient.ResponseSpec login(String email, String password) {
    return phone()
        .post()
        .uri("/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange();
  }

  private WebTestClient.ResponseSpec changePassword(Tokens tokens, String current, String next) {
    return phone()
        .post()
        .uri("/auth/password")
        .headers(h -> h.setBearerAuth(tokens.accessToken()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("current_password", current, "new_password", next))
        .exchange();
  }
}
