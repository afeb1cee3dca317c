package ch.moveacces.profile.me;

import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.tokenFor;
import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;
import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.platform.token.testing.JwkSetServer;
import ch.moveacces.testkit.OutboxRow;
import ch.moveacces.testkit.OutboxRows;
import ch.moveacces.testkit.ServiceIT;
import ch.moveacces.testkit.TopicReader;
import com.nimbusds.jose.jwk.ECKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PATCH /users/me} and its profile-updated event: one transaction, both or neither.
 *
 * <p>One schema-valid row per change naming only the changed fields; none for a no-op, a 412 or a
 * 422; a refused append (the account's {@code INSERT} on {@code outbox_profile} revoked for the
 * test) answered 500 with the change rolled back; eight concurrent patches, each applied (the row
 * lock queues them); the record on {@code profile.events.v1} keyed by the user id with the
 * request's trace context; the member named as the actor.
 */
@ServiceIT(
    engines = {DATABASE, KAFKA},
    account = ServiceAccount.PROFILE)
class ProfileUpdatedEventIT {

  private static final MediaType MERGE_PATCH =
      MediaType.parseMediaType("application/merge-patch+json");
  private static final ECKey KEY = newKey("profile-event-it-key");
  private static final JwkSetServer JWKS = JwkSetServer.start(KEY);
  private static final EventSchemas SCHEMAS = EventSchemas.load();
  private static final OutboxRows OUTBOX =
      OutboxRows.of("outbox_profile", ServiceAccount.PROFILE).eachPayloadCheckedBy(SCHEMAS::check);

  /** The client behind the proxy; the test client itself connects from 127.0.0.1, a trusted one. */
  private static final String CLIENT_IP = "203.0.113.7";

  private static final String USER_AGENT = "MoveAcces/2.4 (iOS 18.1)";

  @Autowired WebTestClient client;

  private long anna;

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("moveacces.tokens.jwk-set-uri", () -> JWKS.uri().toString());
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @BeforeEach
  void aMember() {
    anna = Members.insert("Anna", "Muster");
  }

  @Test
  void appendsOneEventNamingOnlyTheFieldsThatChanged() {
    // nom and tel are given as they are stored (tel in another notation): not changes
    patch(
            """
            {"npa": "1005", "localite": "Lausanne", "nom": "Muster", "tel": "022 123 45 67"}
            """)
        .expectStatus()
        .isOk();

    List<OutboxRow> rows = OUTBOX.withKey(anna);
    assertThat(rows).hasSize(1);
    OutboxRow row = rows.getFirst();
    assertThat(row.topic()).isEqualTo(Topics.PROFILE);
    assertThat(row.key()).isEqualTo(Long.toString(anna));

    SCHEMAS.check(row.payload());
    EventEnvelope event = EventJson.read(row.payload());
    assertThat(event.id().toString()).isEqualTo(row.eventId());
    assertThat(event.type()).isEqualTo(EventType.PROFILE_UPDATED.type());
    assertThat(event.source()).isEqualTo("/profile-service");
    assertThat(event.subject()).isEqualTo(Long.toString(anna));
    // the member changed their own profile, with the access token that names them
    assertThat(event.actor()).isEqualTo(Actor.member(anna));
    assertThat(event.data())
        .containsEntry("changed_fields", List.of("npa", "localite"))
        .containsEntry("client_ip", CLIENT_IP)
        .containsEntry("user_agent", USER_AGENT);
  }

  @Test
  void neverPutsAFieldValueIntoTheEvent() {
    Map<String, String> before = Members.row(anna);
    patch(
            """
            {"nom": "Zwicky", "prenom": "Johanna", "date_naissance": "1991-02-03",
             "rue": "Avenue de la Gare 5", "npa": "1950", "localite": "Sion",
             "tel": "079 765 43 21"}
            """)
        .expectStatus()
        .isOk();

    String payload = OUTBOX.withKey(anna).getFirst().payload();
    assertThat(EventJson.read(payload).data())
        .containsEntry(
            "changed_fields",
            List.of("nom", "prenom", "date_naissance", "rue", "npa", "localite", "tel"));
    // what remains without the generated attributes, whose digits could match a value by chance
    ObjectNode event = (ObjectNode) JsonMapper.shared().readTree(payload);
    event.remove(List.of("id", "time", "traceparent", "tracestate"));
    String described = event.toString();
    for (String value :
        List.of(
            "Zwicky",
            "Johanna",
            "1991",
            "Avenue de la Gare",
            "1950",
            "Sion",
            "41797654321",
            "765")) {
      assertThat(described).doesNotContain(value);
    }
    for (String old : before.values()) {
      assertThat(described).doesNotContain(old);
    }
  }

  @Test
  void writesNoEventForAPatchThatChangesNothing() {
    String etag = etagOf(anna);

    String after =
        patch("{\"localite\": \"  Genève \", \"npa\": \"1201\"}")
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getETag();

    assertThat(after).isEqualTo(etag);
    assertThat(OUTBOX.withKey(anna)).isEmpty();
  }

  @Test
  void writesNeitherChangeNorEventWhenIfMatchIsStale() {
    Map<String, String> before = Members.row(anna);

    client
        .patch()
        .uri("/users/me")
        .headers(as(anna))
        .header(HttpHeaders.IF_MATCH, "\"not-the-current-tag\"")
        .contentType(MERGE_PATCH)
        .bodyValue("{\"localite\": \"Bern\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(412);

    assertThat(Members.row(anna)).isEqualTo(before);
    assertThat(OUTBOX.withKey(anna)).isEmpty();
  }

  @Test
  void writesNeitherChangeNorEventWhenAValueIsInvalid() {
    Map<String, String> before = Members.row(anna);

    patch("{\"localite\": \"Bern\", \"npa\": \"30\"}").expectStatus().isEqualTo(422);

    assertThat(Members.row(anna)).isEqualTo(before);
    assertThat(OUTBOX.withKey(anna)).isEmpty();
  }

  @Test
  void rollsTheChangeBackWhenItsEventCannotBeAppended() {
    Map<String, String> before = Members.row(anna);

    OUTBOX.withoutInserts(
        () ->
            patch("{\"localite\": \"Bern\"}")
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(
                    body ->
                        assertThat(body)
                            .contains("https://moveacces.ch/problems/internal-error")
                            .doesNotContainIgnoringCase("outbox")
                            .doesNotContainIgnoringCase("insert")));

    assertThat(Members.row(anna)).isEqualTo(before);
    assertThat(OUTBOX.withKey(anna)).isEmpty();

    patch("{\"localite\": \"Bern\"}").expectStatus().isOk();
    assertThat(Members.row(anna)).containsEntry("localite", "Bern");
    assertThat(OUTBOX.withKey(anna)).hasSize(1);
  }

  @Test
  void appendsOneEventPerChangeThatCommitsUnderConcurrentPatches() throws Exception {
    List<String> towns = List.of("Bern", "Basel", "Biel", "Brig", "Sion", "Chur", "Thun", "Zug");
    List<Integer> statuses;
    try (ExecutorService clients = Executors.newFixedThreadPool(towns.size())) {
      List<Future<Integer>> answers =
          clients.invokeAll(
              towns.stream()
                  .map(
                      town ->
                          (Callable<Integer>)
                              () ->
                                  patch("{\"localite\": \"" + town + "\"}")
                                      .returnResult(String.class)
                                      .getStatus()
                                      .value())
                  .toList());
      statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
    }

    // without If-Match concurrent patches queue on the row's lock: each applies, each with its
    // event
    assertThat(statuses).containsOnly(200);
    List<OutboxRow> rows = OUTBOX.withKey(anna);
    assertThat(rows).hasSize(towns.size());
    for (OutboxRow row : rows) {
      assertThat(EventJson.read(row.payload()).data())
          .containsEntry("changed_fields", List.of("localite"));
    }
    assertThat(Members.row(anna).get("localite")).isIn(towns);
  }

  @Test
  void publishesTheEventOnTheProfileTopicKeyedByTheMember() {
    patch("{\"rue\": \"Rue du Marché 12\"}").expectStatus().isOk();
    OutboxRow row = OUTBOX.withKey(anna).getFirst();

    TopicReader.Received record = TopicReader.awaitEvent(Topics.PROFILE, row.eventId());

    assertThat(record.key()).isEqualTo(Long.toString(anna));
    assertThat(record.payload()).isEqualTo(row.payload());
    SCHEMAS.check(record.payload());
    // the request's trace goes on with the event, in the envelope and in the record's headers
    String traceparent = EventJson.read(record.payload()).traceparent();
    assertThat(traceparent).isNotNull();
    assertThat(record.headers()).containsEntry("traceparent", traceparent);
  }

  private WebTestClient.ResponseSpec patch(String json) {
    return client
        .patch()
        .uri("/users/me")
        .headers(as(anna))
        // as the gateway writes it: the one address it resolved
        .header("X-Forwarded-For", CLIENT_IP)
        .header(HttpHeaders.USER_AGENT, USER_AGENT)
        .contentType(MERGE_PATCH)
        .bodyValue(json)
        .exchange();
  }

  private String etagOf(long member) {
    return client
        .get()
        .uri("/users/me")
        .headers(as(member))
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(String.class)
        .getResponseHeaders()
        .getETag();
  }

  private static Consumer<HttpHeaders> as(long member) {
    String token = tokenFor(Long.toString(member), KEY);
    return headers -> headers.setBearerAuth(token);
  }
}
