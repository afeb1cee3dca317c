package ch.moveacces.realtime;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventPayloads;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.payload.AllSessionsRevoked;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.PasswordChanged;
import ch.moveacces.platform.events.payload.RefreshTokenReuseDetected;
import ch.moveacces.platform.events.payload.SessionRevoked;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as it is pushed: for the member it is about ({@code subject}), the message body {@code
 * {type, time, data}} (the id is the stream entry's, added when it is stored), {@code data} the
 * fields of the type's payload record (so without the client's IP and user agent, personal data
 * about a request that is not for devices, and without any field the type does not name), and what
 * it ends: which of the member's sessions are no longer active.
 *
 * <p>An event is acted on whenever its envelope and payload can be read, also when it breaks its
 * schema somewhere this service does not look (an over-long {@code tracestate}, a malformed actor):
 * dropping a revocation because of a field nobody here uses would leave the member's sockets open.
 * Its {@code schemaViolations} say what was wrong, for the metric and the log.
 *
 * @param type the event's type string
 * @param directive {@link #NONE}, {@link #ALL_SESSIONS}, {@link #SESSION}{@code <sid>} or {@link
 *     #ALL_SESSIONS_BUT}{@code <sid>}
 * @param schemaViolations what the event's schema refuses in it; empty for a valid event
 */
record PushableEvent(
    String userId,
    String eventId,
    String type,
    String body,
    String directive,
    List<String> schemaViolations) {

  static final String NONE = "-";
  static final String ALL_SESSIONS = "a";
  static final String SESSION = "s:";
  static final String ALL_SESSIONS_BUT = "x:";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Pattern USER_ID = Pattern.compile("[0-9]{1,19}");

  /** Who acted is no business of a device, so a malformed actor does not make an event unread. */
  private static final List<String> ACTOR_ATTRIBUTES =
      List.of(EventJson.ACTOR, EventJson.ACTOR_ID, EventJson.ACTOR_ROLE);

  PushableEvent {
    schemaViolations = List.copyOf(schemaViolations);
  }

  /**
   * The event of a record's value; null for one that is not a member's to see (an unknown type of a
   * newer producer, a subject that is no user id). Throws {@link UnreadableEvent} for a value whose
   * envelope or payload cannot be read: not JSON, an attribute missing or malformed, {@code data}
   * that does not fit its type's record.
   */
  static @Nullable PushableEvent of(@Nullable String value, EventSchemas schemas) {
    if (value == null) {
      throw new UnreadableEvent("An empty record", null);
    }
    JsonNode node;
    EventEnvelope envelope;
    try {
      node = MAPPER.readTree(value);
      envelope = EventJson.fromNode(withoutActor(node));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new UnreadableEvent("Not an event: " + e.getMessage(), e);
    }
    EventType type = EventType.fromType(envelope.type()).orElse(null);
    if (type == null || !USER_ID.matcher(envelope.subject()).matches()) {
      return null;
    }
    EventPayload payload;
    try {
      payload = envelope.payload();
    } catch (IllegalArgumentException e) {
      throw new UnreadableEvent("An event whose data does not fit its type: " + e.getMessage(), e);
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.put("type", envelope.type());
    body.put("time", node.get("time").asString());
    body.set("data", MAPPER.valueToTree(EventPayloads.fields(payload)));
    return new PushableEvent(
        envelope.subject(),
        envelope.id().toString(),
        envelope.type(),
        MAPPER.writeValueAsString(body),
        directive(payload),
        schemas.validate(node));
  }

  private static JsonNode withoutActor(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    ObjectNode copy = object.deepCopy();
    copy.remove(ACTOR_ATTRIBUTES);
    return copy;
  }

  /** Which of the member's sessions the event ends, from its typed payload. */
  private static String directive(EventPayload payload) {
    return switch (payload) {
      case SessionRevoked revoked -> SESSION + revoked.sessionId();
      case LoggedOut loggedOut -> SESSION + loggedOut.sessionId();
      case RefreshTokenReuseDetected reused -> SESSION + reused.sessionId();
      case AllSessionsRevoked all -> ALL_SESSIONS;
      case PasswordChanged changed ->
          changed.sessionId() == null ? ALL_SESSIONS : ALL_SESSIONS_BUT + changed.sessionId();
      default -> NONE;
    };
  }
}
