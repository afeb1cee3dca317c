package ch.moveacces.platform.events;

import ch.moveacces.platform.events.payload.EventPayload;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link EventEnvelope} from a typed payload; fills id, time and the constant attributes.
 * {@code data} is the client's IP and user agent (when known) followed by the payload's fields.
 */
public final class EventEnvelopeBuilder {

  private final EventPayload payload;
  private UUID id = UUID.randomUUID();
  private Clock clock = Clock.systemUTC();
  private @Nullable Instant time;
  private @Nullable String source;
  private @Nullable String subject;
  private @Nullable String traceparent;
  private @Nullable String tracestate;
  private @Nullable String clientIp;
  private @Nullable String userAgent;
  private @Nullable Actor actor;

  EventEnvelopeBuilder(EventPayload payload) {
    this.payload = Objects.requireNonNull(payload, "payload");
  }

  public EventEnvelopeBuilder id(UUID id) {
    this.id = id;
    return this;
  }

  /** The producing service's name, e.g. {@code auth-service}, or the source itself. */
  public EventEnvelopeBuilder source(String service) {
    this.source = service.startsWith("/") ? service : "/" + service;
    return this;
  }

  public EventEnvelopeBuilder subject(String subject) {
    this.subject = subject;
    return this;
  }

  public EventEnvelopeBuilder user(long userId) {
    return subject(Subjects.user(userId));
  }

  public EventEnvelopeBuilder time(Instant time) {
    this.time = time;
    return this;
  }

  public EventEnvelopeBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** The W3C trace context of the operation that causes the event; blank values are left out. */
  public EventEnvelopeBuilder trace(@Nullable String traceparent, @Nullable String tracestate) {
    this.traceparent = blankToNull(traceparent);
    this.tracestate = blankToNull(tracestate);
    return this;
  }

  /** Where the request came from; an unknown address or user agent is left out. */
  public EventEnvelopeBuilder client(Client client) {
    return client(client.ip(), client.userAgent());
  }

  /**
   * The client's IP and user agent; each is left out when null or blank (not known). The user agent
   * is cut as {@link Client} cuts it, so that a client's long header never breaks an event's
   * schema.
   */
  public EventEnvelopeBuilder client(@Nullable String ip, @Nullable String userAgent) {
    Client client = new Client(ip, userAgent);
    this.clientIp = client.ip();
    this.userAgent = client.userAgent();
    return this;
  }

  /** Who made the change; null (the default) leaves it out: nobody authenticated, or not said. */
  public EventEnvelopeBuilder actor(@Nullable Actor actor) {
    this.actor = actor;
    return this;
  }

  public EventEnvelope build() {
    EventType type = payload.eventType();
    if (source == null || subject == null) {
      throw new IllegalStateException(type.type() + " needs a source and a subject");
    }
    return new EventEnvelope(
        id,
        source,
        type.type(),
        EventEnvelope.SPEC_VERSION,
        time != null ? time : clock.instant(),
        subject,
        EventEnvelope.CONTENT_TYPE,
        traceparent,
        tracestate,
        actor,
        data());
  }

  private Map<String, Object> data() {
    Map<String, Object> data = new LinkedHashMap<>();
    if (clientIp != null) {
      data.put(EventEnvelope.CLIENT_IP, clientIp);
    }
    if (userAgent != null) {
      data.put(EventEnvelope.USER_AGENT, userAgent);
    }
    data.putAll(PayloadFields.of(payload));
    return data;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
