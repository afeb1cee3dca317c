package ch.moveacces.platform.events;

import static ch.moveacces.platform.events.SampleEvents.anEvent;
import static ch.moveacces.platform.events.SampleEvents.withData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ch.moveacces.platform.events.payload.LoginFailed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

  private static final EventSchemas SCHEMAS = EventSchemas.load();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void acceptsEverySchemasExamples(EventType type) {
    List<JsonNode> examples = SCHEMAS.examples(type);

    assertThat(examples).isNotEmpty();
    examples.forEach(example -> assertThat(SCHEMAS.validate(example)).as(type.type()).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void acceptsWhatTheBuilderMakes(EventType type) {
    assertThat(SCHEMAS.validate(anEvent(type).build())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void acceptsAnEventWithoutTraceOrClient(EventType type) {
    EventEnvelope bare =
        EventEnvelope.builder(SampleEvents.payload(type)).source("some-service").user(7).build();

    assertThat(SCHEMAS.validate(bare)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void acceptsAMemberAnAdministratorOrTheSystemAsActor(EventType type) {
    for (Actor actor : List.of(Actor.member(42), Actor.admin(7), Actor.SYSTEM)) {
      assertThat(SCHEMAS.validate(anEvent(type).actor(actor).build()))
          .as(actor.toString())
          .isEmpty();
    }
  }

  @Test
  void everyTypeHasAnExampleWithoutActorForWhatIsAlreadyInTheTopics() {
    for (EventType type : EventType.values()) {
      assertThat(SCHEMAS.examples(type)).as(type.type()).anyMatch(example -> !example.has("actor"));
    }
  }

  @Test
  void rejectsAnActorThatIsNeitherAUserNorTheSystem() {
    ObjectNode event = node(EventType.PROFILE_UPDATED);
    event.put("actor", "robot");

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("actor"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"actorid", "actorrole"})
  void rejectsAUserActorWithoutIdOrRole(String attribute) {
    ObjectNode event = node(EventType.PROFILE_UPDATED, Actor.member(42));
    event.remove(attribute);

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains(attribute));
  }

  @ParameterizedTest
  @ValueSource(strings = {"actorid", "actorrole"})
  void rejectsAnIdOrRoleBesideTheSystemOrWithoutActor(String attribute) {
    ObjectNode bySystem = node(EventType.ABONNEMENT_EXPIRED, Actor.SYSTEM);
    bySystem.put(attribute, "7");
    ObjectNode byNobody = node(EventType.ABONNEMENT_EXPIRED);
    byNobody.put(attribute, "7");

    assertThat(SCHEMAS.validate(bySystem)).anyMatch(violation -> violation.contains(attribute));
    assertThat(SCHEMAS.validate(byNobody)).anyMatch(violation -> violation.contains(attribute));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-7", "seven", "07", "12345678901234567890"})
  void rejectsAnActorIdThatIsNoUserId(String actorId) {
    ObjectNode event = node(EventType.ABONNEMENT_ACTIVATED, Actor.admin(7));
    event.put("actorid", actorId);

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("actorid"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ADMIN", "", "role with spaces", "a-role-name-far-longer-than-32-chars"})
  void rejectsAnActorRoleThatIsNoShortLowerCaseName(String role) {
    ObjectNode event = node(EventType.ABONNEMENT_ACTIVATED, Actor.admin(7));
    event.put("actorrole", role);

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("actorrole"));
  }

  @Test
  void acceptsAFailedLoginForAnUnknownEmail() {
    EventEnvelope event =
        EventEnvelope.builder(new LoginFailed(LoginFailed.Reason.UNKNOWN_EMAIL))
            .source("auth-service")
            .subject(Subjects.unknownEmail("nobody@example.ch"))
            .build();

    assertThat(SCHEMAS.validate(event)).isEmpty();
  }

  @Test
  void rejectsAFailedLoginCarryingAPassword() {
    EventEnvelope event = withAPassword();

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("password"));
  }

  @Test
  void rejectsAPasswordBesideTheData() {
    ObjectNode event = node(EventType.LOGIN_FAILED);
    event.put("password", "hunter2");

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("password"));
  }

  @Test
  void rejectsAHashedSubjectOnAnEventOfAKnownUser() {
    ObjectNode event = node(EventType.LOGIN_SUCCEEDED);
    event.put("subject", Subjects.unknownEmail("anna@example.ch"));

    assertThat(SCHEMAS.validate(event)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ch.moveacces.identity.LoginFailed",
        "ch.moveacces.platform.events.EventType",
        "ch.moveacces.identity.login-failed.v2"
      })
  void rejectsATypeItDoesNotKnow(String type) {
    ObjectNode event = node(EventType.LOGIN_FAILED);
    event.put("type", type);

    assertThat(SCHEMAS.validate(event)).containsExactly("/type: unknown event type " + type);
  }

  @Test
  void rejectsAnEventWithoutType() {
    ObjectNode event = node(EventType.LOGIN_FAILED);
    event.remove("type");

    assertThat(SCHEMAS.validate(event)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"id", "source", "specversion", "time", "subject", "datacontenttype", "data"})
  void rejectsAMissingAttribute(String attribute) {
    ObjectNode event = node(EventType.ABONNEMENT_PAUSED);
    event.remove(attribute);

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains(attribute));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T09:30:12Z",
        "2026-11-25T09:30:12.123Z",
        "2026-11-25T10:30:12.123456+01:00",
        "2026-11-25 09:30:12.123456Z",
        "2026-13-25T09:30:12.123456Z",
        "yesterday"
      })
  void rejectsATimeThatIsNotRfc3339UtcWithMicroseconds(String time) {
    ObjectNode event = node(EventType.ABONNEMENT_PAUSED);
    event.put("time", time);

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("time"));
  }

  @Test
  void rejectsAnIdThatIsNotAUuid() {
    ObjectNode event = node(EventType.ABONNEMENT_PAUSED);
    event.put("id", "42");

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("id"));
  }

  @Test
  void rejectsAnExtraDataField() {
    EventEnvelope event =
        withData(EventType.ABONNEMENT_PAUSED, Map.of("abonnement_id", 17, "abo_price", 49));

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("abo_price"));
  }

  @Test
  void rejectsAClientIpThatIsNotAnAddress() {
    EventEnvelope event = anEvent(EventType.LOGGED_OUT).client("unknown", null).build();

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("client_ip"));
  }

  @Test
  void aClientsOverlongUserAgentIsCutSoThatTheEventStaysValid() {
    EventEnvelope event =
        anEvent(EventType.LOGIN_FAILED).client("203.0.113.7", "x".repeat(10_000)).build();

    assertThat(event.data().get(EventEnvelope.USER_AGENT).toString())
        .hasSize(Client.MAX_USER_AGENT);
    assertThat(SCHEMAS.validate(event)).isEmpty();
  }

  @Test
  void rejectsAProfileUpdateCarryingValues() {
    ObjectNode event = node(EventType.PROFILE_UPDATED);
    ((ObjectNode) event.get("data")).putObject("changed_fields").put("tel", "+41790000000");

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("changed_fields"));
  }

  @Test
  void rejectsAMalformedTraceparent() {
    ObjectNode event = node(EventType.LOGGED_OUT);
    event.put("traceparent", "not-a-trace");

    assertThat(SCHEMAS.validate(event)).anyMatch(violation -> violation.contains("traceparent"));
  }

  @Test
  void reportsTextThatIsNotJson() {
    assertThat(SCHEMAS.validate("{not json")).hasSize(1);
  }

  @Test
  void checkThrowsWithTheViolations() {
    EventEnvelope event = withAPassword();

    assertThatExceptionOfType(EventSchemaViolation.class)
        .isThrownBy(() -> SCHEMAS.check(event))
        .satisfies(e -> assertThat(e.violations()).isNotEmpty());
  }

  @Test
  void checkAcceptsTheJsonTextAProducerSends() {
    SCHEMAS.check(EventJson.write(anEvent(EventType.ABONNEMENT_CREATED).build()));
  }

  private static EventEnvelope withAPassword() {
    return withData(EventType.LOGIN_FAILED, Map.of("reason", "wrong_password", "password", "x"));
  }

  private static ObjectNode node(EventType type) {
    return EventJson.toNode(anEvent(type).build());
  }

  private static ObjectNode node(EventType type, Actor actor) {
    return EventJson.toNode(anEvent(type).actor(actor).build());
  }
}
