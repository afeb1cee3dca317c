package ch.moveacces.platform.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the structured JSON form of an {@link EventEnvelope}. Attributes are mapped by
 * hand so that the wire format depends on no mapper configuration of the service using it.
 */
public final class EventJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  /** The extension attributes that name the {@link Actor}. */
  public static final String ACTOR = "actor";

  public static final String ACTOR_ID = "actorid";
  public static final String ACTOR_ROLE = "actorrole";

  private EventJson() {}

  public static String write(EventEnvelope event) {
    return MAPPER.writeValueAsString(toNode(event));
  }

  public static ObjectNode toNode(EventEnvelope event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", event.id().toString());
    node.put("source", event.source());
    node.put("type", event.type());
    node.put("specversion", event.specversion());
    node.put("time", TIME.format(event.time()));
    node.put("subject", event.subject());
    node.put("datacontenttype", event.datacontenttype());
    if (event.traceparent() != null) {
      node.put("traceparent", event.traceparent());
    }
    if (event.tracestate() != null) {
      node.put("tracestate", event.tracestate());
    }
    Actor actor = event.actor();
    if (actor != null) {
      node.put(ACTOR, actor.kind().wire());
      if (actor.userId() != null) {
        node.put(ACTOR_ID, actor.userId().toString());
      }
      if (actor.role() != null) {
        node.put(ACTOR_ROLE, actor.role());
      }
    }
    node.set("data", MAPPER.valueToTree(event.data()));
    return node;
  }

  /** Reads an event; throws {@link IllegalArgumentException} when it is not a well-formed one. */
  public static EventEnvelope read(String json) {
    return fromNode(parse(json));
  }

  public static EventEnvelope fromNode(JsonNode node) {
    try {
      JsonNode data = node.get("data");
      if (data == null || !data.isObject()) {
        throw new IllegalArgumentException("An event's data is a JSON object");
      }
      return new EventEnvelope(
          UUID.fromString(text(node, "id")),
          text(node, "source"),
          text(node, "type"),
          text(node, "specversion"),
          parseTime(text(node, "time")),
          text(node, "subject"),
          text(node, "datacontenttype"),
          optionalText(node, "traceparent"),
          optionalText(node, "tracestate"),
          actor(node),
          MAPPER.convertValue(data, DATA));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("An event's time is RFC 3339: " + e.getParsedString(), e);
    }
  }

  /** The actor when the event names one; null for every event written before actors existed. */
  private static @Nullable Actor actor(JsonNode node) {
    String kind = optionalText(node, ACTOR);
    if (kind == null) {
      return null;
    }
    String userId = optionalText(node, ACTOR_ID);
    try {
      return new Actor(
          Actor.Kind.of(kind),
          userId == null ? null : Long.valueOf(userId),
          optionalText(node, ACTOR_ROLE));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("An actor's id is a number: " + userId, e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Instant parseTime(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }

  private static String text(JsonNode node, String attribute) {
    String value = optionalText(node, attribute);
    if (value == null) {
      throw new IllegalArgumentException("An event has a string attribute " + attribute);
    }
    return value;
  }

  private static @Nullable String optionalText(JsonNode node, String attribute) {
    JsonNode value = node.get(attribute);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
