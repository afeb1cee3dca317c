package ch.moveacces.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoginFailed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds each payload record to its type's schema, so that a field renamed, added or dropped on one
 * side only fails here: the record's wire names are the schema's {@code data} properties (besides
 * the client's, which come from {@link Client}), and a field the schema requires cannot be null.
 */
class EventPayloadContractTest {

  private static final Set<String> CLIENT_FIELDS =
      Set.of(EventEnvelope.CLIENT_IP, EventEnvelope.USER_AGENT);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void everyTypeHasItsOwnPayloadRecordAndEveryRecordAType() {
    Set<Class<?>> sampled = new HashSet<>();
    for (EventType type : EventType.values()) {
      EventPayload payload = SampleEvents.payload(type);
      assertThat(payload.eventType()).as(payload.getClass().getSimpleName()).isEqualTo(type);
      sampled.add(payload.getClass());
    }

    assertThat(EventPayload.class.getPermittedSubclasses())
        .allMatch(Class::isRecord)
        .containsExactlyInAnyOrderElementsOf(sampled)
        .hasSize(EventType.values().length);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void theRecordsWireNamesAreTheSchemasDataProperties(EventType type) {
    Class<?> record = SampleEvents.payload(type).getClass();

    Set<String> schemaFields = new HashSet<>(dataProperties(type));
    schemaFields.removeAll(CLIENT_FIELDS);

    assertThat(wireNames(record)).as(record.getSimpleName()).isEqualTo(schemaFields);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void aPayloadWithEveryFieldSetWritesEachOfItsWireNames(EventType type) {
    EventPayload payload = SampleEvents.payload(type);

    assertThat(PayloadFields.of(payload).keySet()).isEqualTo(wireNames(payload.getClass()));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void aFieldTheSchemaRequiresIsNeverNull(EventType type) {
    Set<String> required = new HashSet<>();
    dataSchema(type).get("required").valueStream().forEach(name -> required.add(name.asString()));

    for (RecordComponent component : SampleEvents.payload(type).getClass().getRecordComponents()) {
      if (required.contains(PayloadFields.wireName(component.getName()))) {
        assertThat(nullable(component)).as(component.toString()).isFalse();
      }
    }
  }

  @Test
  void theReasonsOfAFailedLoginAreTheSchemas() {
    Set<String> schema = new HashSet<>();
    dataSchema(EventType.LOGIN_FAILED)
        .at("/properties/reason/enum")
        .valueStream()
        .forEach(reason -> schema.add(reason.asString()));

    assertThat(Arrays.stream(LoginFailed.Reason.values()).map(LoginFailed.Reason::wire))
        .containsExactlyInAnyOrderElementsOf(schema);
  }

  @Test
  void namesComponentsInSnakeCase() {
    assertThat(PayloadFields.wireName("sessionId")).isEqualTo("session_id");
    assertThat(PayloadFields.wireName("revokedSessions")).isEqualTo("revoked_sessions");
  }

  private static Set<String> wireNames(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(component -> PayloadFields.wireName(component.getName()))
        .collect(Collectors.toSet());
  }

  private static boolean nullable(RecordComponent component) {
    return !component.getType().isPrimitive()
        && component.getAnnotatedType().isAnnotationPresent(Nullable.class);
  }

  private static Set<String> dataProperties(EventType type) {
    Set<String> names = new HashSet<>();
    dataSchema(type).get("properties").propertyNames().forEach(names::add);
    return names;
  }

  private static JsonNode dataSchema(EventType type) {
    try (InputStream in =
        EventPayloadContractTest.class
            .getClassLoader()
            .getResourceAsStream(type.schemaResource())) {
      return JSON.readTree(in).at("/properties/data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
