package ch.moveacces.audit.recording;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit trail, taken from an event that matched its type's schema. {@code envelope}
 * is the record's value as received, kept whole as the evidence.
 */
record AuditEntry(
    UUID eventId,
    String type,
    String source,
    String subject,
    @Nullable Long userId,
    Instant occurredAt,
    @Nullable String traceId,
    @Nullable String clientIp,
    @Nullable String userAgent,
    String envelope) {

  private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,9}");
  private static final long MAX_USER_ID = 4_294_967_295L; // audit_logs.user_id is INT UNSIGNED
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

  /** The entry of a record's value; {@link UnreadableEvent} unless it is a valid event. */
  static AuditEntry of(@Nullable String json, EventSchemas schemas) {
    if (json == null) {
      throw new UnreadableEvent("A record without a value is no event", null);
    }
    EventEnvelope event;
    try {
      schemas.check(json);
      event = EventJson.read(json);
    } catch (IllegalArgumentException invalid) {
      throw new UnreadableEvent(invalid.getMessage(), invalid);
    }
    return new AuditEntry(
        event.id(),
        event.type(),
        event.source(),
        event.subject(),
        userId(event.subject()),
        event.time(),
        traceId(event.traceparent()),
        text(event, EventEnvelope.CLIENT_IP),
        text(event, EventEnvelope.USER_AGENT),
        json);
  }

  /** The subject is a user id unless the user is unknown (an email hash). */
  private static @Nullable Long userId(String subject) {
    if (!USER_ID.matcher(subject).matches()) {
      return null;
    }
    long id = Long.parseLong(subject);
    return id <= MAX_USER_ID ? id : null;
  }

  private static @Nullable String traceId(@Nullable String traceparent) {
    if (traceparent == null) {
      return null;
    }
    Matcher parts = TRACEPARENT.matcher(traceparent);
    return parts.matches() ? parts.group(1) : null;
  }

  private static @Nullable String text(EventEnvelope event, String field) {
    return event.data().get(field) instanceof String value ? value : null;
  }
}
