package ch.moveacces.platform.events;

import ch.moveacces.platform.events.payload.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place a payload record becomes {@code data} fields: components in snake_case ({@code
 * sessionId} is {@code session_id}), a null component left out. The fields are what a consumer
 * reads back from the JSON text, so an envelope built here equals the one read from the wire.
 */
final class PayloadFields {

  private static final SnakeCase NAMING = new SnakeCase();
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(NAMING)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private PayloadFields() {}

  static Map<String, Object> of(EventPayload payload) {
    return MAPPER.readValue(MAPPER.writeValueAsString(payload), FIELDS);
  }

  /** The payload of {@code data}; the client's address and user agent are no part of it. */
  static <P extends EventPayload> P read(Map<String, Object> data, Class<P> record) {
    Map<String, Object> fields = new LinkedHashMap<>(data);
    fields.remove(EventEnvelope.CLIENT_IP);
    fields.remove(EventEnvelope.USER_AGENT);
    try {
      return MAPPER.convertValue(fields, record);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Data that does not fit " + record.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The wire name of a record component, e.g. {@code session_id} for {@code sessionId}. */
  static String wireName(String component) {
    return NAMING.translate(component);
  }

  /** Jackson's snake_case, its translation reachable for {@link #wireName}. */
  private static final class SnakeCase extends PropertyNamingStrategies.SnakeCaseStrategy {

    @Serial private static final long serialVersionUID = 1L;

    @Override
    public String translate(String name) {
      return super.translate(name);
    }
  }
}
