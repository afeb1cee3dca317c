package ch.moveacces.platform.events;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates events against their JSON Schema. The {@code type} attribute picks the schema, which
 * then checks the whole envelope. Formats (uuid, date-time, ipv4, ...) are asserted, not just
 * annotated as draft 2020-12 would by default. Thread-safe; load it once.
 */
public final class EventSchemas {

  private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

  private EventSchemas() {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    for (EventType type : EventType.values()) {
      schemas.put(type, load(registry, type));
    }
  }

  public static EventSchemas load() {
    return new EventSchemas();
  }

  /** The violations of an event given as JSON text; empty when it is valid. */
  public List<String> validate(String json) {
    try {
      return validate(EventJson.parse(json));
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  /** The violations of an event; empty when it is valid. */
  public List<String> validate(JsonNode event) {
    JsonNode type = event.get("type");
    if (type == null || !type.isString()) {
      return List.of("/type: missing; it names the event's schema");
    }
    return EventType.fromType(type.stringValue())
        .map(known -> schemas.get(known).validate(event).stream().map(Object::toString).toList())
        .orElseGet(() -> List.of("/type: unknown event type " + type.stringValue()));
  }

  public List<String> validate(EventEnvelope event) {
    return validate(EventJson.toNode(event));
  }

  /** Throws {@link EventSchemaViolation} unless the event is valid. */
  public void check(JsonNode event) {
    List<String> violations = validate(event);
    if (!violations.isEmpty()) {
      throw new EventSchemaViolation(violations);
    }
  }

  public void check(String json) {
    List<String> violations = validate(json);
    if (!violations.isEmpty()) {
      throw new EventSchemaViolation(violations);
    }
  }

  public void check(EventEnvelope event) {
    check(EventJson.toNode(event));
  }

  /** The {@code examples} of a type's schema: sample events for consumers' tests. */
  public List<JsonNode> examples(EventType type) {
    JsonNode examples = schemas.get(type).getSchemaNode().get("examples");
    return examples == null ? List.of() : examples.valueStream().toList();
  }

  private static Schema load(SchemaRegistry registry, EventType type) {
    try (InputStream in = resource(type)) {
      return registry.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(EventType type) {
    InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource());
    if (in == null) {
      throw new IllegalStateException(
          "No schema for " + type.type() + " at " + type.schemaResource());
    }
    return in;
  }
}
