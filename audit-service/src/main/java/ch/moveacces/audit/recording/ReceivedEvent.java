package ch.moveacces.audit.recording;

import ch.moveacces.audit.chain.PersonalData;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventSchemas;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's value as the trail stores it. It is parseable when it is a JSON object with a UUID
 * {@code id}, a string {@code type} and {@code source} and an RFC 3339 {@code time}; anything less
 * is an {@link UnreadableEvent}. A parseable event that breaks its type's schema (an unknown type
 * included) is still stored, with {@code schemaValid} false: nothing a producer or a client puts
 * into an event can keep it out of the trail.
 *
 * <p>The columns take what fits them: a text longer than its column is cut, a number out of range
 * or of the wrong shape is left out. The envelope, stored byte for byte, keeps everything.
 */
record ReceivedEvent(
    UUID eventId,
    String type,
    String source,
    Instant occurredAt,
    @Nullable String traceId,
    boolean schemaValid,
    @Nullable String actor,
    @Nullable String actorRole,
    PersonalData personal) {

  /** The widths of the columns of V1 and V2, in characters. */
  private static final int TYPE_WIDTH = 200;

  private static final int SOURCE_WIDTH = 200;
  private static final int ACTOR_WIDTH = 16;
  private static final int ROLE_WIDTH = 64;
  private static final int SUBJECT_WIDTH = 128;
  private static final int CLIENT_IP_WIDTH = 45;
  private static final int USER_AGENT_WIDTH = 512;
  private static final long MAX_USER_ID = 4_294_967_295L; // INT UNSIGNED

  private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,9}");
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final String ACTOR = "actor";
  static final String ACTOR_ID = "actorid";
  static final String ACTOR_ROLE = "actorrole";

  /** The event of a record's value; {@link UnreadableEvent} unless it is parseable. */
  static ReceivedEvent of(byte @Nullable [] value, EventSchemas schemas) {
    if (value == null) {
      throw new UnreadableEvent("A record without a value is no event", null);
    }
    JsonNode event = parse(value);
    UUID id = uuid(required(event, "id"));
    String type = required(event, "type");
    String source = required(event, "source");
    Instant time = time(required(event, "time"));
    JsonNode data = event.path("data");
    String subject = text(event, "subject");
    PersonalData personal =
        new PersonalData(
            userId(subject),
            userId(text(event, ACTOR_ID)),
            cut(subject, SUBJECT_WIDTH),
            cut(text(data, EventEnvelope.CLIENT_IP), CLIENT_IP_WIDTH),
            cut(text(data, EventEnvelope.USER_AGENT), USER_AGENT_WIDTH),
            value);
    return new ReceivedEvent(
        id,
        cutRequired(type, TYPE_WIDTH),
        cutRequired(source, SOURCE_WIDTH),
        time,
        traceId(text(event, "traceparent")),
        schemas.validate(event).isEmpty(),
        cut(text(event, ACTOR), ACTOR_WIDTH),
        cut(text(event, ACTOR_ROLE), ROLE_WIDTH),
        personal);
  }

  private static JsonNode parse(byte[] value) {
    JsonNode event;
    try {
      event = JSON.readTree(value);
    } catch (JacksonException notJson) {
      throw new UnreadableEvent("Not JSON: " + notJson.getOriginalMessage(), notJson);
    }
    if (event == null || !event.isObject()) {
      throw new UnreadableEvent("Not JSON: an event is a JSON object", null);
    }
    return event;
  }

  private static String required(JsonNode event, String attribute) {
    String value = text(event, attribute);
    if (value == null) {
      throw new UnreadableEvent("An event has a string attribute " + attribute, null);
    }
    return value;
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      throw new UnreadableEvent("An event's id is a UUID: " + cut(id, 64), notAUuid);
    }
  }

  /** RFC 3339, within what a DATETIME column holds (years 1000 to 9999). */
  private static Instant time(String time) {
    try {
      OffsetDateTime parsed = OffsetDateTime.parse(time);
      int year = parsed.toInstant().atOffset(ZoneOffset.UTC).getYear();
      if (year >= 1000 && year <= 9999) {
        return parsed.toInstant();
      }
    } catch (DateTimeParseException notRfc3339) {
      throw new UnreadableEvent("An event's time is RFC 3339: " + cut(time, 64), notRfc3339);
    }
    throw new UnreadableEvent("An event's time lies in the years 1000 to 9999: " + time, null);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  /** A user id is a positive number that fits INT UNSIGNED; anything else is no user id. */
  private static @Nullable Long userId(@Nullable String text) {
    if (text == null || !USER_ID.matcher(text).matches()) {
      return null;
    }
    long id = Long.parseLong(text);
    return id <= MAX_USER_ID ? id : null;
  }

  private static @Nullable String traceId(@Nullable String traceparent) {
    if (traceparent == null) {
      return null;
    }
    Matcher parts = TRACEPARENT.matcher(traceparent);
    return parts.matches() ? parts.group(1) : null;
  }

  private static String cutRequired(String text, int width) {
    String cut = cut(text, width);
    return cut == null ? "" : cut;
  }

  /** At most {@code width} characters (code points, as utf8mb4 columns count them). */
  static @Nullable String cut(@Nullable String text, int width) {
    if (text == null || text.codePointCount(0, text.length()) <= width) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, width));
  }
}
