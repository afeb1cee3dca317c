package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.payload.SessionRevoked;
import ch.moveacces.realtime.Members.Member;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The socket's life: who may open it, what it receives, and why it is closed.
 *
 * <p>Tickets (their shape, {@code no-store}, refused without a token or for an ended session);
 * events pushed within 1 s to the member they concern, without client address or user agent, never
 * to another member; the closes 4401, 4403, 4408 and the member's 4429 (the idle 4000 and the
 * instance's 4429 are {@code HeartbeatAndInstanceCapIT}'s, 4413 {@code SlowConsumerIT}'s); {@code
 * auth}, ping and errors; {@code resume} in the stream's order with nothing twice, {@code
 * resync_required} after a trimmed history; a redelivered event pushed and stored once; events with
 * and without actor pushed alike; a session revoked by an event whose {@code tracestate} breaks its
 * schema closed all the same, and the event counted.
 */
@RunningRealtimeService
class PushSocketIT {

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);
  private static final EventSchemas SCHEMAS = EventSchemas.load();

  @Autowired WebTestClient client;
  @Autowired KafkaListenerEndpointRegistry registry;
  @LocalServerPort int port;

  @BeforeEach
  void consumerIsAssigned() {
    Feed.awaitAssigned(registry);
  }

  @Test
  void issuesAOneTimeTicketForTheCallersSession() {
    Member member = Members.signIn();
    client
        .post()
        .uri("/realtime/ticket")
        .headers(headers -> headers.setBearerAuth(member.token()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .expectBody()
        .jsonPath("$.ticket")
        .value(ticket -> assertThat((String) ticket).matches("[A-Za-z0-9_-]{43}"))
        .jsonPath("$.expires_in")
        .isEqualTo(30);
  }

  @Test
  void refusesATicketWithoutAValidTokenOfAnActiveSession() {
    client.post().uri("/realtime/ticket").exchange().expectStatus().isUnauthorized();
    Member ended = Members.signIn();
    ended.endSession();
    client
        .post()
        .uri("/realtime/ticket")
        .headers(headers -> headers.setBearerAuth(ended.token()))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized");
  }

  @Test
  void pushesTheMembersEventsWithinASecondAndNoOtherMembers() {
    Member member = Members.signIn();
    Member other = Members.signIn();
    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      Events.publish(Events.profileUpdated(other.userId()));
      EventEnvelope event = Events.profileUpdated(member.userId());
      Events.publish(event);

      JsonNode message = socket.next(ONE_SECOND);
      assertThat(message.path("id").asString()).matches("\\d+-\\d+");
      assertThat(message.path("type").asString()).isEqualTo(EventType.PROFILE_UPDATED.type());
      assertThat(message.path("time").asString()).matches("\\d{4}-.*\\.\\d{6}Z");
      assertThat(message.path("data").path("changed_fields").toString())
          .isEqualTo("[\"npa\",\"localite\"]");
      // personal data about the request that changed it stays out of every device
      assertThat(message.path("data").has("client_ip")).isFalse();
      assertThat(message.path("data").has("user_agent")).isFalse();
      assertThat(message.propertyNames()).containsExactlyInAnyOrder("id", "type", "time", "data");
      assertThat(socket.poll(Duration.ofMillis(500))).as("the other member's event").isNull();
    }
  }

  @Test
  void pushesAnAbonnementStateChange() {
    Member member = Members.signIn();
    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      EventEnvelope paused = Events.abonnementPaused(member.userId(), 17);
      // the event subscription-service would publish: the consumer drops what breaks its schema
      assertThat(EventSchemas.load().validate(paused)).isEmpty();
      Events.publish(paused);

      JsonNode message = socket.next(ONE_SECOND);
      assertThat(message.path("type").asString()).isEqualTo(EventType.ABONNEMENT_PAUSED.type());
      assertThat(message.path("id").asString()).matches("\\d+-\\d+");
      assertThat(Instant.parse(message.path("time").asString()))
          .isEqualTo(paused.time().truncatedTo(ChronoUnit.MICROS));
      assertThat(message.path("data").propertyNames()).containsExactly("abonnement_id");
      assertThat(message.path("data").path("abonnement_id").asLong()).isEqualTo(17);
    }
  }

  @Test
  void refusesAReusedTicket() {
    Member member = Members.signIn();
    String ticket = ticket(member);
    try (TestSocket first = TestSocket.open(socketUri("ticket=" + ticket)).ready();
        TestSocket second = TestSocket.open(socketUri("ticket=" + ticket))) {
      assertThat(second.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4401);
      assertThat(second.drain()).isEmpty();
      assertThat(first.isClosed()).isFalse();
    }
  }

  @Test
  void refusesAnExpiredOrUnknownTicket() {
    Member member = Members.signIn();
    // a token with 3 s left gets a ticket of at most 3 s
    String ticket = ticket(member.tokenFor(Duration.ofSeconds(3)));
    await().pollDelay(Duration.ofMillis(3_500)).until(() -> true);
    try (TestSocket expired = TestSocket.open(socketUri("ticket=" + ticket));
        TestSocket unknown = TestSocket.open(socketUri("ticket=not-a-ticket"));
        TestSocket none = TestSocket.open(socketUri(""))) {
      assertThat(expired.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4401);
      assertThat(unknown.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4401);
      assertThat(none.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4401);
    }
  }

  @Test
  void acceptsAnAccessTokenInTheUrlOrTheAuthorizationHeader() {
    Member member = Members.signIn();
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setBearerAuth(member.token());
    try (TestSocket inUrl = TestSocket.open(socketUri("token=" + member.token())).ready();
        TestSocket inHeader = TestSocket.open(socketUri(""), headers).ready()) {
      Events.publish(Events.profileUpdated(member.userId()));
      assertThat(inUrl.next(ONE_SECOND).path("type").asString())
          .isEqualTo(EventType.PROFILE_UPDATED.type());
      assertThat(inHeader.next(ONE_SECOND).path("type").asString())
          .isEqualTo(EventType.PROFILE_UPDATED.type());
    }
  }

  /**
   * Another site's page is refused before the upgrade, so its ticket is still unused; the app's own
   * page and a client that sends the socket's own origin (as Netty's does) get their sockets.
   */
  @Test
  void opensSocketsForTheAppsPagesOnly() {
    Member member = Members.signIn();
    String ticket = ticket(member);
    client
        .get()
        .uri("/ws?ticket=" + ticket)
        .header("Upgrade", "websocket")
        .header("Connection", "Upgrade")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .header("Sec-WebSocket-Version", "13")
        .header("Origin", "https://evil.example")
        .exchange()
        .expectStatus()
        .isForbidden();

    org.springframework.http.HttpHeaders fromTheApp = new org.springframework.http.HttpHeaders();
    fromTheApp.setOrigin("http://localhost:5173");
    try (TestSocket app = TestSocket.open(socketUri("ticket=" + ticket), fromTheApp).ready();
        TestSocket nettys = TestSocket.open(withTicket(member)).ready()) {
      Events.publish(Events.profileUpdated(member.userId()));
      assertThat(app.next(ONE_SECOND).path("type").asString())
          .isEqualTo(EventType.PROFILE_UPDATED.type());
      assertThat(nettys.next(ONE_SECOND).path("type").asString())
          .isEqualTo(EventType.PROFILE_UPDATED.type());
    }
  }

  @Test
  void refusesAnInvalidTokenAndASessionAlreadyEnded() {
    Member member = Members.signIn();
    Member ended = Members.signIn();
    ended.endSession();
    String forged = member.token().substring(0, member.token().length() - 4) + "AAAA";
    try (TestSocket invalid = TestSocket.open(socketUri("token=" + forged));
        TestSocket revoked = TestSocket.open(socketUri("token=" + ended.token()))) {
      assertThat(invalid.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4401);
      assertThat(revoked.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4403);
    }
  }

  @Test
  void closesTheRevokedSessionsSocketWithinASecondAndKeepsTheOthers() {
    Member phone = Members.signIn();
    Member laptop = Members.session(phone.userId());
    try (TestSocket revoked = TestSocket.open(withTicket(phone)).ready();
        TestSocket kept = TestSocket.open(withTicket(laptop)).ready()) {
      phone.endSession();
      Events.publish(
          Events.sessionEvent(EventType.SESSION_REVOKED, phone.userId(), phone.sessionId()));

      assertThat(revoked.closeStatus(ONE_SECOND).getCode()).isEqualTo(4403);
      JsonNode message = kept.next(ONE_SECOND);
      assertThat(message.path("type").asString()).isEqualTo(EventType.SESSION_REVOKED.type());
      assertThat(message.path("data").path("session_id").asString()).isEqualTo(phone.sessionId());
      assertThat(kept.isClosed()).isFalse();
    }
  }

  @Test
  void closesTheSocketOfASessionRevokedByAnEventThatBreaksItsSchemaElsewhere() {
    Member phone = Members.signIn();
    Member laptop = Members.session(phone.userId());
    try (TestSocket revoked = TestSocket.open(withTicket(phone)).ready();
        TestSocket kept = TestSocket.open(withTicket(laptop)).ready()) {
      phone.endSession();
      EventEnvelope event =
          EventEnvelope.builder(new SessionRevoked(phone.sessionId()))
              .source("auth-service")
              .user(Long.parseLong(phone.userId()))
              .trace(
                  "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                  PushableEventTest.OVER_LONG_TRACESTATE)
              .build();
      assertThat(SCHEMAS.validate(event)).as("the event breaks its schema").isNotEmpty();

      Events.publish(event);

      assertThat(revoked.closeStatus(ONE_SECOND).getCode()).isEqualTo(4403);
      assertThat(kept.next(ONE_SECOND).path("type").asString())
          .isEqualTo(EventType.SESSION_REVOKED.type());
      // counted by whichever instance appended it to the stream: TwoInstancesIT's second
      // instance may hold the partition, so this instance's counter is not asserted here
      // (PushableEventTest checks the violations it counts)
    }
  }

  @Test
  void pushesEventsWithAndWithoutActorAlikeAndNeverTheActor() {
    Member member = Members.signIn();
    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      long userId = Long.parseLong(member.userId());
      List<EventEnvelope> events =
          List.of(
              Events.abonnementPaused(member.userId(), 17),
              withActor(Events.abonnementPaused(member.userId(), 18), Actor.member(userId)),
              withActor(Events.abonnementPaused(member.userId(), 19), Actor.admin(7)),
              withActor(Events.abonnementPaused(member.userId(), 20), Actor.SYSTEM));
      events.forEach(event -> assertThat(SCHEMAS.validate(event)).isEmpty());
      events.forEach(Events::publish);

      for (long abonnementId = 17; abonnementId <= 20; abonnementId++) {
        JsonNode message = socket.next(ONE_SECOND);
        assertThat(message.path("data").path("abonnement_id").asLong()).isEqualTo(abonnementId);
        assertThat(message.propertyNames()).containsExactlyInAnyOrder("id", "type", "time", "data");
        assertThat(message.toString()).doesNotContain("actor");
      }
    }
  }

  @Test
  void aPasswordChangeEndsEveryOtherSessionsSocket() {
    Member changer = Members.signIn();
    Member other = Members.session(changer.userId());
    try (TestSocket kept = TestSocket.open(withTicket(changer)).ready();
        TestSocket ended = TestSocket.open(withTicket(other)).ready()) {
      Events.publish(
          Events.sessionEvent(EventType.PASSWORD_CHANGED, changer.userId(), changer.sessionId()));

      assertThat(ended.closeStatus(ONE_SECOND).getCode()).isEqualTo(4403);
      assertThat(kept.next(ONE_SECOND).path("type").asString())
          .isEqualTo(EventType.PASSWORD_CHANGED.type());
      assertThat(kept.isClosed()).isFalse();
    }
  }

  @Test
  void logoutOfAllSessionsEndsEverySocket() {
    Member one = Members.signIn();
    Member two = Members.session(one.userId());
    try (TestSocket first = TestSocket.open(withTicket(one)).ready();
        TestSocket second = TestSocket.open(withTicket(two)).ready()) {
      Events.publish(Events.allSessionsRevoked(one.userId()));
      assertThat(first.closeStatus(ONE_SECOND).getCode()).isEqualTo(4403);
      assertThat(second.closeStatus(ONE_SECOND).getCode()).isEqualTo(4403);
    }
  }

  @Test
  void closesWhenTheTokenExpiresUnlessAFreshOneComesInBand() {
    Member member = Members.signIn();
    try (TestSocket expiring =
            TestSocket.open(socketUri("token=" + member.tokenFor(Duration.ofSeconds(2))));
        TestSocket extended =
            TestSocket.open(socketUri("token=" + member.tokenFor(Duration.ofSeconds(2))))) {
      expiring.ready();
      extended.ready();
      extended.send("{\"type\":\"auth\",\"token\":\"" + member.token() + "\"}");
      JsonNode ok = extended.expect("auth_ok", Duration.ofSeconds(2));
      assertThat(ok.path("expires_in").asLong()).isBetween(890L, 900L);

      assertThat(expiring.closeStatus(Duration.ofSeconds(4)).getCode()).isEqualTo(4408);
      extended.send("{\"type\":\"ping\"}");
      extended.expect("pong", ONE_SECOND);
      assertThat(extended.isClosed()).isFalse();
    }
  }

  @Test
  void refusesAnInBandTokenOfAnotherSession() {
    Member member = Members.signIn();
    Member otherSession = Members.session(member.userId());
    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      socket.send("{\"type\":\"auth\",\"token\":\"" + otherSession.token() + "\"}");
      assertThat(socket.closeStatus(Duration.ofSeconds(3)).getCode()).isEqualTo(4401);
    }
  }

  @Test
  void answersPingsAndTellsWhatItDoesNotUnderstand() {
    Member member = Members.signIn();
    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      socket.send("{\"type\":\"ping\"}");
      socket.expect("pong", ONE_SECOND);
      socket.send("not json");
      assertThat(socket.expect("error", ONE_SECOND).path("error").asString())
          .isEqualTo("malformed");
      socket.send("{\"type\":\"subscribe\"}");
      assertThat(socket.expect("error", ONE_SECOND).path("error").asString())
          .isEqualTo("unknown_type");
      assertThat(socket.isClosed()).isFalse();
    }
  }

  @Test
  void resumesWithExactlyTheEventsMissedInOrderThenLive() {
    Member member = Members.signIn();
    String lastSeen;
    try (TestSocket before = TestSocket.open(withTicket(member)).ready()) {
      Events.publish(Events.profileUpdated(member.userId()));
      lastSeen = before.next(ONE_SECOND).path("id").asString();
    }
    for (int i = 0; i < 5; i++) {
      Events.publish(
          i % 2 == 0
              ? Events.profileUpdated(member.userId())
              : Events.sessionEvent(
                  EventType.REFRESH_TOKEN_ROTATED, member.userId(), member.sessionId()));
    }
    String stream = UserStreams.STREAM_PREFIX + member.userId();
    await().until(() -> Members.redis().xlen(stream) == 6);
    // the member's order is the stream's (two topics, so not necessarily the publishing order)
    List<String> missed =
        Members.redis().xrange(stream, io.lettuce.core.Range.create("-", "+")).stream()
            .map(io.lettuce.core.StreamMessage::getId)
            .filter(id -> !id.equals(lastSeen))
            .toList();
    assertThat(missed).hasSize(5);

    try (TestSocket after = TestSocket.open(withTicket(member)).ready()) {
      after.send("{\"type\":\"resume\",\"last_id\":\"" + lastSeen + "\"}");
      List<JsonNode> replayed = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        replayed.add(after.next(ONE_SECOND));
      }
      List<String> ids = replayed.stream().map(m -> m.path("id").asString()).toList();
      assertThat(ids).isEqualTo(missed);

      Events.publish(Events.profileUpdated(member.userId()));
      JsonNode live = after.next(ONE_SECOND);
      assertThat(StreamId.parse(live.path("id").asString()))
          .isGreaterThan(StreamId.parse(ids.getLast()));
      assertThat(after.poll(Duration.ofMillis(300))).as("nothing twice").isNull();
    }
  }

  @Test
  void asksForAResyncWhenTheHistoryNoLongerReachesBackToTheLastId() {
    Member member = Members.signIn();
    String oldest;
    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      for (int i = 0; i < 3; i++) {
        Events.publish(Events.profileUpdated(member.userId()));
      }
      oldest = socket.next(ONE_SECOND).path("id").asString();
      socket.next(ONE_SECOND);
      socket.next(ONE_SECOND);
    }
    Members.redis().xtrim(UserStreams.STREAM_PREFIX + member.userId(), 1);

    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      socket.send("{\"type\":\"resume\",\"last_id\":\"" + oldest + "\"}");
      socket.expect("resync_required", ONE_SECOND);
      Events.publish(Events.profileUpdated(member.userId()));
      assertThat(socket.next(ONE_SECOND).path("type").asString())
          .isEqualTo(EventType.PROFILE_UPDATED.type());
    }
  }

  @Test
  void pushesARedeliveredEventOnce() {
    Member member = Members.signIn();
    try (TestSocket socket = TestSocket.open(withTicket(member)).ready()) {
      EventEnvelope event = Events.profileUpdated(member.userId());
      Events.publish(event);
      Events.publish(event);
      socket.next(ONE_SECOND);
      Events.publish(Events.profileUpdated(member.userId()));
      socket.next(ONE_SECOND);
      assertThat(socket.poll(Duration.ofMillis(300))).isNull();
      assertThat(Members.redis().xlen(UserStreams.STREAM_PREFIX + member.userId())).isEqualTo(2);
    }
  }

  @Test
  void refusesMoreSocketsPerMemberThanItsLimit() {
    Member member = Members.signIn();
    try (TestSocket one = TestSocket.open(withTicket(member)).ready();
        TestSocket two = TestSocket.open(withTicket(member)).ready();
        TestSocket three = TestSocket.open(withTicket(member)).ready();
        TestSocket four = TestSocket.open(withTicket(member))) {
      assertThat(four.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4429);
      assertThat(List.of(one, two, three)).noneMatch(TestSocket::isClosed);
    }
    // the places are free again once the sockets are gone
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              try (TestSocket again = TestSocket.open(withTicket(member))) {
                again.ready();
              }
            });
  }

  static EventEnvelope withActor(EventEnvelope event, Actor actor) {
    return new EventEnvelope(
        event.id(),
        event.source(),
        event.type(),
        event.specversion(),
        event.time(),
        event.subject(),
        event.datacontenttype(),
        event.traceparent(),
        event.tracestate(),
        actor,
        event.data());
  }

  URI withTicket(Member member) {
    return socketUri("ticket=" + ticket(member));
  }

  String ticket(Member member) {
    return ticket(member.token());
  }

  String ticket(String token) {
    JsonNode body =
        client
            .post()
            .uri("/realtime/ticket")
            .headers(headers -> headers.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    return body.path("ticket").asString();
  }

  URI socketUri(String query) {
    return URI.create("ws://127.0.0.1:" + port + "/ws" + (query.isEmpty() ? "" : "?" + query));
  }
}
