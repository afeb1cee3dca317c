package ch.moveacces.subscription.admin;

import static ch.moveacces.subscription.Tokens.administrator;
import static ch.moveacces.subscription.Tokens.member;
import static ch.moveacces.subscription.Tokens.withRoles;
import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.subscription.Database;
import ch.moveacces.subscription.RunningService;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The administrators' API: create and activate; other roles 403; every validation rule 422 with
 * nothing written.
 */
class AdminAbonnementsIT extends RunningService {

  @Autowired WebTestClient client;

  private long admin;
  private long anna;

  @BeforeEach
  void anAdministratorAndAMember() {
    admin = Database.newMember();
    anna = Database.newMember();
  }

  @Test
  void createsAnAbonnementForAMemberWithItsEvent() {
    String location =
        create(
                administrator(admin),
                """
                {"user_id": %d, "name": "  Move Annuel ", "state": "pending",
                 "date_start": "2036-12-01", "date_stop": "2037-11-30", "price": 590.00,
                 "discount": 10, "currency": "EUR", "auto_renew": true}
                """
                    .formatted(anna))
            .expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.user_id")
            .isEqualTo(anna)
            .jsonPath("$.name")
            .isEqualTo("Move Annuel")
            .jsonPath("$.state")
            .isEqualTo("pending")
            .jsonPath("$.price")
            .isEqualTo(590.0)
            .jsonPath("$.currency")
            .isEqualTo("EUR")
            .jsonPath("$.auto_renew")
            .isEqualTo(true)
            .returnResult()
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);

    assertThat(location).matches("/admin/subscriptions/\\d+");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    client
        .get()
        .uri(location)
        .headers(administrator(admin))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(id)
        .jsonPath("$.date_stop")
        .isEqualTo("2037-11-30");
    assertThat(Database.stateOf(id)).isEqualTo("pending");
    assertThat(Database.eventsOf(admin)).isEmpty();
    List<JsonNode> events = Database.eventsOf(anna);
    assertThat(events).hasSize(1);
    JsonNode created = events.getFirst();
    assertThat(created.get("type").asString())
        .isEqualTo("ch.moveacces.subscription.abonnement-created.v1");
    assertThat(created.get("subject").asString()).isEqualTo(Long.toString(anna));
    assertByTheAdministrator(created);
    assertThat(created.at("/data/abonnement_id").asLong()).isEqualTo(id);
    assertThat(created.at("/data/status").asString()).isEqualTo("pending");
    assertThat(created.at("/data/date_start").asString()).isEqualTo("2036-12-01");
    assertThat(created.at("/data/date_stop").asString()).isEqualTo("2037-11-30");
  }

  @Test
  void fillsTheDefaultsOfAnOpenEndedActiveAbonnement() {
    create(
            administrator(admin),
            """
            {"user_id": %d, "name": "Move Libre", "state": "active",
             "date_start": "2026-12-01", "price": 0}
            """
                .formatted(anna))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("active")
        .jsonPath("$.date_stop")
        .isEmpty()
        .jsonPath("$.discount")
        .isEqualTo(0.0)
        .jsonPath("$.currency")
        .isEqualTo("CHF")
        .jsonPath("$.auto_renew")
        .isEqualTo(false);

    JsonNode created = Database.eventsOf(anna).getFirst();
    assertThat(created.at("/data/status").asString()).isEqualTo("active");
    assertThat(created.at("/data").has("date_stop")).isFalse();
  }

  @Test
  void recordsAnAbonnementThatAlreadyEnded() {
    create(
            administrator(admin),
            """
            {"user_id": %d, "name": "Move Papier", "state": "active",
             "date_start": "2020-01-01", "date_stop": "2021-01-01", "price": 100}
            """
                .formatted(anna))
        .expectStatus()
        .isCreated();

    assertThat(Database.eventsOf(anna).getFirst().at("/data/date_stop").asString())
        .isEqualTo("2021-01-01");
  }

  @Test
  void activatesAPendingAbonnementOnceOnly() {
    long id = Database.newAbonnement(anna, "pending");

    client
        .post()
        .uri("/admin/subscriptions/{id}/activate", id)
        .headers(administrator(admin))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("active");
    client
        .post()
        .uri("/admin/subscriptions/{id}/activate", id)
        .headers(administrator(admin))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.current_state")
        .isEqualTo("active");

    assertThat(Database.stateOf(id)).isEqualTo("active");
    List<JsonNode> events = Database.eventsOf(anna);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().get("type").asString())
        .isEqualTo("ch.moveacces.subscription.abonnement-activated.v1");
    assertThat(events.getFirst().at("/data/abonnement_id").asLong()).isEqualTo(id);
    assertByTheAdministrator(events.getFirst());
  }

  /** The administrator acted, by their own user id (the subject stays the member). */
  private void assertByTheAdministrator(JsonNode event) {
    assertThat(event.get("actor").asString()).isEqualTo("user");
    assertThat(event.get("actorid").asString()).isEqualTo(Long.toString(admin));
    assertThat(event.get("actorrole").asString()).isEqualTo("admin");
  }

  @Test
  void answersActivatingANonexistentAbonnementWithNotFound() {
    client
        .post()
        .uri("/admin/subscriptions/999999999/activate")
        .headers(administrator(admin))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void forbidsEveryAdministrationToOtherRoles() {
    long pending = Database.newAbonnement(anna, "pending");
    String body =
        """
        {"user_id": %d, "name": "Move", "state": "active", "date_start": "2026-12-01", "price": 1}
        """
            .formatted(anna);

    for (var caller : List.of(member(anna), withRoles(anna, "USER", "AUDITOR"))) {
      create(caller, body)
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("https://moveacces.ch/problems/forbidden");
      client
          .post()
          .uri("/admin/subscriptions/{id}/activate", pending)
          .headers(caller)
          .exchange()
          .expectStatus()
          .isForbidden();
      client
          .get()
          .uri("/admin/subscriptions/{id}", pending)
          .headers(caller)
          .exchange()
          .expectStatus()
          .isForbidden();
    }

    assertThat(Database.abonnementsOf(anna)).isEqualTo(1);
    assertThat(Database.stateOf(pending)).isEqualTo("pending");
    assertThat(Database.eventsOf(anna)).isEmpty();
  }

  static Stream<Arguments> invalidFields() {
    return Stream.of(
        Arguments.of("name", "\"   \""),
        Arguments.of("name", "\"" + "n".repeat(101) + "\""),
        Arguments.of("name", "\"Move\\u0000\""),
        Arguments.of("state", "\"paused\""),
        Arguments.of("state", "null"),
        Arguments.of("date_start", "\"2026-02-30\""),
        Arguments.of("date_start", "\"01.12.2026\""),
        Arguments.of("date_stop", "\"2026-12-01\""),
        Arguments.of("date_stop", "\"2026-11-30\""),
        Arguments.of("price", "-0.01"),
        Arguments.of("price", "1.005"),
        Arguments.of("price", "null"),
        Arguments.of("discount", "100.01"),
        Arguments.of("discount", "-1"),
        Arguments.of("currency", "\"chf\""),
        Arguments.of("currency", "\"CHFR\""),
        Arguments.of("user_id", "null"),
        Arguments.of("user_id", "0"));
  }

  /** The field given last overrides the valid one before it (the last of duplicate keys wins). */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalidFields")
  void refusesAnInvalidFieldNamingItAndWritesNothing(String field, String value) {
    String body =
        """
        {"user_id": %d, "name": "Move", "state": "active", "date_start": "2026-12-01",
         "price": 590, "%s": %s}
        """
            .formatted(anna, field, value);

    create(administrator(admin), body)
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/validation-failed")
        .jsonPath("$.errors.length()")
        .isEqualTo(1)
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);

    assertThat(Database.abonnementsOf(anna)).isZero();
    assertThat(Database.eventsOf(anna)).isEmpty();
  }

  @Test
  void refusesAnUnknownMember() {
    create(
            administrator(admin),
            """
            {"user_id": 999999999, "name": "Move", "state": "active", "date_start": "2026-12-01",
             "price": 590}
            """)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("user_id");
    assertThat(Database.eventsOf(999999999L)).isEmpty();
  }

  @Test
  void listsEveryFieldAtFaultAtOnce() {
    create(administrator(admin), "{\"price\": -1, \"currency\": \"x\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(
            fields ->
                assertThat(((List<?>) fields).stream().map(String::valueOf))
                    .containsExactlyInAnyOrder(
                        "user_id", "name", "state", "date_start", "price", "currency"));
  }

  @Test
  void refusesAFieldAnAbonnementDoesNotHave() {
    create(
            administrator(admin),
            """
            {"user_id": %d, "name": "Move", "state": "active", "date_start": "2026-12-01",
             "price": 590, "notes": "VIP"}
            """
                .formatted(anna))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unknown-field");
    assertThat(Database.abonnementsOf(anna)).isZero();
  }

  private WebTestClient.ResponseSpec create(Consumer<HttpHeaders> caller, String json) {
    return client
        .post()
        .uri("/admin/subscriptions")
        .headers(caller)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }
}
