package ch.moveacces.platform.events;

import ch.moveacces.platform.events.payload.EventPayload;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A CloudEvents 1.0 event as Move Acces writes it (structured JSON mode). {@code traceparent} and
 * {@code tracestate} are the CloudEvents distributed-tracing extension; either may be null. The
 * client's IP and user agent, when known, are fields of {@code data}: {@link #CLIENT_IP}, {@link
 * #USER_AGENT}. {@code actor}, who made the change, is optional (null: not said).
 *
 * <p>Producers build it from a typed payload ({@link #builder(EventPayload)}); the record's own
 * constructor takes {@code data} as read from the wire, for consumers and for tests that need an
 * envelope no producer would write.
 */
public record EventEnvelope(
    UUID id,
    String source,
    String type,
    String specversion,
    Instant time,
    String subject,
    String datacontenttype,
    @Nullable String traceparent,
    @Nullable String tracestate,
    @Nullable Actor actor,
    Map<String, Object> data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/json";
  public static final String CLIENT_IP = "client_ip";
  public static final String USER_AGENT = "user_agent";

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(specversion, "specversion");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(datacontenttype, "datacontenttype");
    // the wire carries microseconds; the record holds what a round trip gives back
    time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
    data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
  }

  /** An envelope of the payload's type with the payload's fields as {@code data}. */
  public static EventEnvelopeBuilder builder(EventPayload payload) {
    return new EventEnvelopeBuilder(payload);
  }

  /** The Kafka record key: the subject, so that one user's events stay in order. */
  public String key() {
    return subject;
  }

  /** The typed {@code data} of this event; see {@link EventPayloads#read}. */
  public EventPayload payload() {
    return EventPayloads.read(this);
  }
}
