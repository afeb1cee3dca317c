package ch.moveacces.subscription.abonnement;

import static ch.moveacces.subscription.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.Topics;
import ch.moveacces.subscription.Database;
import ch.moveacces.subscription.RunningService;
import ch.moveacces.testkit.TopicReader;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member's abonnements: list and read, another member's answered 404; each legal transition 200
 * with one schema-valid event, each illegal one 409 naming the state and no event; four concurrent
 * pauses give one 200.
 */
class MyAbonnementsIT extends RunningService {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired WebTestClient client;

  private long anna;
  private long ben;

  @BeforeEach
  void twoMembers() {
    anna = Database.newMember();
    ben = Database.newMember();
  }

  @Test
  void listsTheCallersAbonnementsNewestFirstAndNoOneElses() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    long older = Database.newAbonnement(anna, "expired", start, LocalDate.of(2026, 6, 30));
    long newer = Database.newAbonnement(anna, "active", start.plusMonths(6), null);
    Database.setCreatedAt(older, "2026-01-01 10:00:00");
    Database.setCreatedAt(newer, "2026-07-01 10:00:00");
    Database.newAbonnement(ben, "active");

    client
        .get()
        .uri("/subscriptions")
        .headers(member(anna))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(2)
        .jsonPath("$[0].id")
        .isEqualTo(newer)
        .jsonPath("$[0].state")
        .isEqualTo("active")
        .jsonPath("$[0].date_stop")
        .isEmpty()
        .jsonPath("$[1].id")
        .isEqualTo(older)
        .jsonPath("$[1].state")
        .isEqualTo("expired")
        .jsonPath("$[1].date_start")
        .isEqualTo("2026-01-01")
        .jsonPath("$[1].date_stop")
        .isEqualTo("2026-06-30")
        .jsonPath("$[1].created_at")
        .value(at -> assertThat((String) at).matches("2026-01-01T\\d{2}:00:00Z"));
  }

  @Test
  void readsOneOfTheCallersAbonnementsWithoutItsNotes() {
    long id =
        Database.newAbonnement(anna, "active", LocalDate.of(2036, 3, 1), LocalDate.of(2037, 2, 28));

    client
        .get()
        .uri("/subscriptions/{id}", id)
        .headers(member(anna))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(id)
        .jsonPath("$.name")
        .isEqualTo("Move Annuel")
        .jsonPath("$.state")
        .isEqualTo("active")
        .jsonPath("$.date_start")
        .isEqualTo("2036-03-01")
        .jsonPath("$.date_stop")
        .isEqualTo("2037-02-28")
        .jsonPath("$.price")
        .isEqualTo(590.0)
        .jsonPath("$.discount")
        .isEqualTo(10.0)
        .jsonPath("$.currency")
        .isEqualTo("CHF")
        .jsonPath("$.auto_renew")
        .isEqualTo(true)
        .jsonPath("$.updated_at")
        .isNotEmpty()
        .jsonPath("$.notes")
        .doesNotExist()
        .jsonPath("$.abo_notes")
        .doesNotExist()
        .jsonPath("$.user_id")
        .doesNotExist();
  }

  @Test
  void answersAnotherMembersAbonnementExactlyAsANonexistentOne() {
    long bens = Database.newAbonnement(ben, "active");

    assertThat(notFoundBody("/subscriptions/" + bens))
        .isEqualTo(notFoundBody("/subscriptions/999999999"));
    client
        .post()
        .uri("/subscriptions/{id}/cancel", bens)
        .headers(member(anna))
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(Database.stateOf(bens)).isEqualTo("active");
    assertThat(Database.eventsOf(ben)).isEmpty();
  }

  static Stream<Arguments> legalTransitions() {
    return Stream.of(
        Arguments.of("active", "pause", "paused", "abonnement-paused"),
        Arguments.of("paused", "resume", "active", "abonnement-resumed"),
        Arguments.of("pending", "cancel", "canceled", "abonnement-canceled"),
        Arguments.of("active", "cancel", "canceled", "abonnement-canceled"),
        Arguments.of("paused", "cancel", "canceled", "abonnement-canceled"));
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("legalTransitions")
  void changesTheStateAndWritesExactlyOneEvent(
      String from, String action, String to, String eventName) {
    long id = Database.newAbonnement(anna, from);

    client
        .post()
        .uri("/subscriptions/{id}/{action}", id, action)
        .headers(member(anna))
        .header(HttpHeaders.USER_AGENT, "MoveAcces-IT/1.0")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(id)
        .jsonPath("$.state")
        .isEqualTo(to);

    assertThat(Database.stateOf(id)).isEqualTo(to);
    List<JsonNode> events = Database.eventsOf(anna);
    assertThat(events).hasSize(1);
    JsonNode event = events.getFirst();
    assertThat(event.get("type").asString())
        .isEqualTo("ch.moveacces.subscription." + eventName + ".v1");
    assertThat(event.get("subject").asString()).isEqualTo(Long.toString(anna));
    assertThat(event.get("source").asString()).isEqualTo("/subscription-service");
    // the member acted on their own abonnement
    assertThat(event.get("actor").asString()).isEqualTo("user");
    assertThat(event.get("actorid").asString()).isEqualTo(Long.toString(anna));
    assertThat(event.get("actorrole").asString()).isEqualTo("user");
    assertThat(event.at("/data/abonnement_id").asLong()).isEqualTo(id);
    assertThat(event.at("/data/client_ip").asString()).isEqualTo("127.0.0.1");
    assertThat(event.at("/data/user_agent").asString()).isEqualTo("MoveAcces-IT/1.0");
    assertThat(event.get("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    if (action.equals("cancel")) {
      assertThat(event.at("/data/previous_status").asString()).isEqualTo(from);
    }
  }

  @ParameterizedTest(name = "{0} cannot {1}")
  @CsvSource({
    "pending, pause",
    "paused, pause",
    "expired, pause",
    "canceled, pause",
    "pending, resume",
    "active, resume",
    "expired, resume",
    "canceled, resume",
    "expired, cancel",
    "canceled, cancel"
  })
  void refusesAnIllegalTransitionNamingTheCurrentState(String state, String action) {
    long id = Database.newAbonnement(anna, state);

    client
        .post()
        .uri("/subscriptions/{id}/{action}", id, action)
        .headers(member(anna))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/illegal-state-transition")
        .jsonPath("$.current_state")
        .isEqualTo(state)
        .jsonPath("$.action")
        .isEqualTo(action)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("is " + state));

    assertThat(Database.stateOf(id)).isEqualTo(state);
    assertThat(Database.eventsOf(anna)).isEmpty();
  }

  @Test
  void letsOnlyOneOfTwoConcurrentPausesThrough() {
    long id = Database.newAbonnement(anna, "active");

    List<Integer> statuses =
        Stream.generate(
                () ->
                    CompletableFuture.supplyAsync(
                        () ->
                            client
                                .post()
                                .uri("/subscriptions/{id}/pause", id)
                                .headers(member(anna))
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()))
            .limit(4)
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .sorted()
            .toList();

    assertThat(statuses).containsExactly(200, 409, 409, 409);
    assertThat(Database.eventsOf(anna)).hasSize(1);
  }

  @Test
  void publishesTheEventOnTheSubscriptionTopicKeyedByTheMember() {
    long id = Database.newAbonnement(anna, "active");
    client
        .post()
        .uri("/subscriptions/{id}/pause", id)
        .headers(member(anna))
        .exchange()
        .expectStatus()
        .isOk();
    JsonNode written = Database.eventsOf(anna).getFirst();

    TopicReader.Received record =
        TopicReader.awaitEvent(Topics.SUBSCRIPTION, written.get("id").asString());

    assertThat(record.key()).isEqualTo(Long.toString(anna));
    assertThat(JSON.readTree(record.payload())).isEqualTo(written);
    assertThat(record.headers())
        .containsEntry("traceparent", written.get("traceparent").asString());
  }

  @Test
  void refusesARequestWithoutToken() {
    long id = Database.newAbonnement(anna, "active");

    client
        .post()
        .uri("/subscriptions/{id}/pause", id)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Database.stateOf(id)).isEqualTo("active");
  }

  /** The problem without what differs from one request to the next (trace id, path). */
  private JsonNode notFoundBody(String path) {
    byte[] body =
        client
            .get()
            .uri(path)
            .headers(member(anna))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://moveacces.ch/problems/abonnement-not-found")
            .returnResult()
            .getResponseBodyContent();
    ObjectNode problem = (ObjectNode) JSON.readTree(body);
    problem.remove("traceId");
    problem.remove("instance");
    return problem;
  }
}
