package ch.moveacces.realtime;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.payload.AllSessionsRevoked;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.PasswordChanged;
import ch.moveacces.platform.events.payload.RefreshTokenReuseDetected;
import ch.moveacces.platform.events.payload.SessionRevoked;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as it is pushed: for the member it is about ({@code subject}), the message body {@code
 * {type, time, data}} (the id is the stream entry's, added when it is stored), {@code data} without
 * the client's IP and user agent (personal data about a request, not for devices), and what it
 * ends: which of the member's sessions are no longer active.
 *
 * @param directive {@link #NONE}, {@link #ALL_SESSIONS}, {@link #SESSION}{@code <sid>} or {@link
 *     #ALL_SESSIONS_BUT}{@code <sid>}
 */
record PushableEvent(String userId, String eventId, String body, String directive) {

  static final String NONE = "-";
  static final String ALL_SESSIONS = "a";
  static final String SESSION = "s:";
  static final String ALL_SESSIONS_BUT = "x:";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Pattern USER_ID = Pattern.compile("[0-9]{1,19}");

  /**
   * The event of a record's value; null for one that is not a member's to see (an unknown type of a
   * newer producer, a subject that is no user id). Throws {@link UnreadableEvent} for a value that
   * is no valid event.
   */
  static @Nullable PushableEvent of(@Nullable String value, EventSchemas schemas) {
    if (value == null) {
      throw new UnreadableEvent("An empty record", null);
    }
    JsonNode node;
    EventEnvelope envelope;
    try {
      node = MAPPER.readTree(value);
      envelope = ch.moveacces.platform.events.EventJson.fromNode(node);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new UnreadableEvent("Not an event: " + e.getMessage(), e);
    }
    EventType type = EventType.fromType(envelope.type()).orElse(null);
    if (type == null || !USER_ID.matcher(envelope.subject()).matches()) {
      return null;
    }
    String directive;
    try {
      schemas.check(node);
      directive = directive(envelope.payload());
    } catch (RuntimeException e) {
      throw new UnreadableEvent("An event that breaks its schema: " + e.getMessage(), e);
    }
    ObjectNode data = ((ObjectNode) node.get("data")).deepCopy();
    data.remove(EventEnvelope.CLIENT_IP);
    data.remove(EventEnvelope.USER_AGENT);
    ObjectNode body = MAPPER.createObjectNode();
    body.put("type", envelope.type());
    body.put("time", node.get("time").asString());
    body.set("data", data);
    return new PushableEvent(
        envelope.subject(), envelope.id().toString(), MAPPER.writeValueAsString(body), directive);
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
