package ch.moveacces.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.audit.Events;
import ch.moveacces.audit.RunningAuditService;
import ch.moveacces.audit.Tokens;
import ch.moveacces.audit.Trail;
import ch.moveacces.audit.integrity.MemberErasure;
import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.PasswordChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The auditors' query, on rows recorded before chaining and on chained ones (an erased one without
 * its personal data): filters by user, actor, type and time range, pages that stay stable while new
 * events arrive between them, default and maximum limits, each bad parameter named, 404, {@code
 * 403} for USER and ADMIN, {@code 401} without a token, the OpenAPI document.
 */
@RunningAuditService
class AuditEventsIT {

  private static final Instant NOON = Instant.parse("2031-03-14T12:00:00.123456Z");

  @Autowired WebTestClient client;
  @Autowired MemberErasure erasure;

  @Test
  void readsARecordedEventWithItsData() {
    long user = Events.newUserId();
    EventEnvelope event = Events.loggedOut(user);
    Events.publish(event);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Trail.rowsOf("event_id", event.id().toString()) == 1);

    client
        .get()
        .uri("/audit/events/{id}", event.id())
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.event_id")
        .isEqualTo(event.id().toString())
        .jsonPath("$.type")
        .isEqualTo(EventType.LOGGED_OUT.type())
        .jsonPath("$.source")
        .isEqualTo("/auth-service")
        .jsonPath("$.subject")
        .isEqualTo(String.valueOf(user))
        .jsonPath("$.user_id")
        .isEqualTo(user)
        .jsonPath("$.occurred_at")
        .value(at -> assertThat(Instant.parse((String) at)).isEqualTo(event.time()))
        .jsonPath("$.recorded_at")
        .value(at -> assertThat(Instant.parse((String) at)).isAfter(Instant.EPOCH))
        .jsonPath("$.trace_id")
        .isEqualTo(event.traceparent().substring(3, 35))
        .jsonPath("$.client_ip")
        .isEqualTo("198.51.100.4")
        .jsonPath("$.user_agent")
        .isEqualTo("MoveAcces/2.4 (Android 15)")
        .jsonPath("$.data.session_id")
        .isEqualTo(event.data().get("session_id"))
        .jsonPath("$.schema_valid")
        .isEqualTo(true)
        .jsonPath("$.erased")
        .isEqualTo(false)
        .jsonPath("$.chain")
        .value(chain -> assertThat((String) chain).startsWith("identity.events.v1-"))
        .jsonPath("$.actor")
        .isEmpty();
  }

  /**
   * A chained event's personal part (subject, user, actor id, client, data) comes from its personal
   * row; once erased, the event still shows what proves it, and none of that.
   */
  @Test
  void showsAnErasedEventWithoutItsPersonalData() throws Exception {
    long member = Events.newUserId();
    long admin = Events.newUserId();
    EventEnvelope event = withActor(member, Actor.user(admin, "admin"));
    Events.publish(event);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Trail.rowsOf("event_id", event.id().toString()) == 1);

    Map<String, Object> before = one(event.id());
    assertThat(before)
        .containsEntry("subject", String.valueOf(member))
        .containsEntry("actor", "user")
        .containsEntry("actor_role", "admin")
        .containsEntry("client_ip", "198.51.100.4")
        .containsEntry("erased", false);
    assertThat(((Number) before.get("actor_id")).longValue()).isEqualTo(admin);
    assertThat(before.get("data")).isNotNull();

    // the service's own erasure, signed, so that the trail still verifies for later tests
    assertThat(erasure.erase(member, "account deleted").rowsErased()).isEqualTo(1);

    Map<String, Object> after = one(event.id());
    assertThat(after)
        .containsEntry("event_id", event.id().toString())
        .containsEntry("type", EventType.LOGGED_OUT.type())
        .containsEntry("actor", "user")
        .containsEntry("actor_role", "admin")
        .containsEntry("erased", true)
        .containsEntry("subject", null)
        .containsEntry("user_id", null)
        .containsEntry("actor_id", null)
        .containsEntry("client_ip", null)
        .containsEntry("user_agent", null)
        .containsEntry("data", null);
    assertThat(after.get("chain")).isEqualTo(before.get("chain"));
  }

  /** actor=system, actor=user, actor=<user id>: who acted, whoever the event is about. */
  @Test
  void filtersByActor() {
    long member = Events.newUserId();
    long admin = Events.newUserId();
    EventEnvelope nobody = Events.loggedOut(member);
    EventEnvelope byAdmin = withActor(member, Actor.user(admin, "admin"));
    EventEnvelope bySystem = withActor(member, Actor.SYSTEM);
    List.of(nobody, byAdmin, bySystem).forEach(Events::publish);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                List.of(nobody, byAdmin, bySystem).stream()
                    .allMatch(event -> Trail.rowsOf("event_id", event.id().toString()) == 1));

    assertThat(ids(list(query -> query.queryParam("user_id", member))))
        .containsExactlyInAnyOrder(
            nobody.id().toString(), byAdmin.id().toString(), bySystem.id().toString());
    assertThat(
            ids(list(query -> query.queryParam("user_id", member).queryParam("actor", "system"))))
        .containsExactly(bySystem.id().toString());
    assertThat(ids(list(query -> query.queryParam("user_id", member).queryParam("actor", "user"))))
        .containsExactly(byAdmin.id().toString());
    assertThat(ids(list(query -> query.queryParam("actor", admin))))
        .containsExactly(byAdmin.id().toString());
  }

  @Test
  void answersAnEventNeverRecordedWithNotFound() {
    client
        .get()
        .uri("/audit/events/{id}", UUID.randomUUID())
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/audit-event-not-found");
  }

  @Test
  void refusesAnEventIdThatIsNoUuid() {
    client
        .get()
        .uri("/audit/events/not-a-uuid")
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("event_id");
  }

  @Test
  void filtersByUserNewestFirst() {
    long anna = Events.newUserId();
    long ben = Events.newUserId();
    EventEnvelope older = at(anna, EventType.LOGGED_OUT, NOON);
    EventEnvelope bens = at(ben, EventType.LOGGED_OUT, NOON.plusSeconds(1));
    EventEnvelope newer = at(anna, EventType.PASSWORD_CHANGED, NOON.plusSeconds(2));

    assertThat(ids(list(query -> query.queryParam("user_id", anna))))
        .containsExactly(newer.id().toString(), older.id().toString());
    assertThat(ids(list(query -> query.queryParam("user_id", ben))))
        .containsExactly(bens.id().toString());
  }

  @Test
  void filtersByTypeAndTimeRangeFromInclusiveToExclusive() {
    long user = Events.newUserId();
    at(user, EventType.LOGGED_OUT, NOON.minusSeconds(1));
    EventEnvelope atFrom = at(user, EventType.LOGGED_OUT, NOON);
    at(user, EventType.PASSWORD_CHANGED, NOON.plusSeconds(1));
    EventEnvelope inside = at(user, EventType.LOGGED_OUT, NOON.plusSeconds(2));
    at(user, EventType.LOGGED_OUT, NOON.plusSeconds(3));

    List<Map<String, Object>> found =
        list(
            query ->
                query
                    .queryParam("user_id", user)
                    .queryParam("type", EventType.LOGGED_OUT.type())
                    .queryParam("from", NOON.toString())
                    .queryParam("to", NOON.plusSeconds(3).toString()));

    assertThat(ids(found)).containsExactly(inside.id().toString(), atFrom.id().toString());
  }

  @Test
  void pagesWithoutDuplicatesOrGapsWhileNewEventsArrive() {
    long user = Events.newUserId();
    List<EventEnvelope> original = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // three events share one instant: the row id breaks the tie
      Instant time = i < 3 ? NOON : NOON.plusSeconds(i);
      original.add(at(user, EventType.LOGGED_OUT, time));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      expected.add(original.get(i).id().toString());
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, Object> page = page(user, cursor);
      List<Map<String, Object>> items = items(page);
      seen.addAll(ids(items));
      cursor = (String) page.get("next_cursor");
      pages++;
      // between pages a newer event arrives, and one at the very instant where the page ended
      at(user, EventType.LOGGED_OUT, NOON.plusSeconds(60 + pages));
      at(user, EventType.LOGGED_OUT, Instant.parse((String) items.getLast().get("occurred_at")));
    } while (cursor != null && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void pagesFiftyEventsByDefaultAndAtMostTwoHundred() {
    long user = Events.newUserId();
    for (int i = 0; i < 60; i++) {
      at(user, EventType.LOGGED_OUT, NOON.plusMillis(i));
    }

    Map<String, Object> byDefault = body(query -> query.queryParam("user_id", user));
    assertThat(items(byDefault)).hasSize(50);
    assertThat(byDefault.get("next_cursor")).isNotNull();

    Map<String, Object> all =
        body(query -> query.queryParam("user_id", user).queryParam("limit", 200));
    assertThat(items(all)).hasSize(60);
    assertThat(all.get("next_cursor")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 201",
    "limit, ten",
    "from, yesterday",
    "to, 2031-03-14",
    "user_id, anna",
    "user_id, -3",
    "type, Not A Type",
    "cursor, not-a-cursor"
  })
  void namesTheParameterAtFault(String parameter, String value) {
    client
        .get()
        .uri(query -> query.path("/audit/events").queryParam(parameter, value).build())
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/validation-failed")
        .jsonPath("$.errors[0].field")
        .isEqualTo(parameter);
  }

  @Test
  void refusesARangeThatEndsBeforeItStarts() {
    client
        .get()
        .uri(
            query ->
                query
                    .path("/audit/events")
                    .queryParam("from", NOON.toString())
                    .queryParam("to", NOON.minusSeconds(1).toString())
                    .build())
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("to");
  }

  @ParameterizedTest
  @CsvSource({"USER", "ADMIN"})
  void forbidsEveryRoleButAuditor(String role) {
    client
        .get()
        .uri("/audit/events")
        .headers(Tokens.withRoles(role))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/forbidden");
  }

  @Test
  void asksForATokenWithoutOne() {
    client
        .get()
        .uri("/audit/events/{id}", UUID.randomUUID())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized");
  }

  @Test
  void servesItsOpenApiDocumentWithoutToken() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/audit/events'].get")
        .exists()
        .jsonPath("$.paths['/audit/events/{event_id}'].get")
        .exists();
  }

  private static EventEnvelope withActor(long member, Actor actor) {
    return EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
        .source("auth-service")
        .user(member)
        .trace(Events.newTraceparent(), null)
        .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
        .actor(actor)
        .build();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> one(UUID eventId) {
    return client
        .get()
        .uri("/audit/events/{id}", eventId)
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static EventEnvelope at(long user, EventType type, Instant time) {
    EventEnvelope event =
        EventEnvelope.builder(sessionPayload(type))
            .source("auth-service")
            .user(user)
            .time(time)
            .trace(Events.newTraceparent(), null)
            .build();
    Trail.insert(event);
    return event;
  }

  private static EventPayload sessionPayload(EventType type) {
    String session = UUID.randomUUID().toString();
    return switch (type) {
      case LOGGED_OUT -> new LoggedOut(session);
      case PASSWORD_CHANGED -> new PasswordChanged(session);
      default -> throw new IllegalArgumentException(type + " is not a session's event here");
    };
  }

  private Map<String, Object> page(long user, @Nullable String cursor) {
    return body(
        query -> {
          query.queryParam("user_id", user).queryParam("limit", 3);
          return cursor == null ? query : query.queryParam("cursor", cursor);
        });
  }

  private List<Map<String, Object>> list(Function<UriBuilder, UriBuilder> query) {
    Map<String, Object> page = body(query);
    assertThat(page.get("next_cursor")).isNull();
    return items(page);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> body(Function<UriBuilder, UriBuilder> query) {
    Consumer<HttpHeaders> auditor = Tokens.auditor();
    return client
        .get()
        .uri(builder -> query.apply(builder.path("/audit/events")).build())
        .headers(auditor)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  private static List<String> ids(List<Map<String, Object>> items) {
    return items.stream().map(item -> (String) item.get("event_id")).toList();
  }
}
