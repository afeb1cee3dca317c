package ch.moveacces.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds an {@link EventEnvelope}; fills id, time and the constant attributes. */
public final class EventEnvelopeBuilder {

  private final EventType type;
  private final Map<String, Object> data = new LinkedHashMap<>();
  private UUID id = UUID.randomUUID();
  private Clock clock = Clock.systemUTC();
  private @Nullable Instant time;
  private @Nullable String source;
  private @Nullable String subject;
  private @Nullable String traceparent;
  private @Nullable String tracestate;

  EventEnvelopeBuilder(EventType type) {
    this.type = Objects.requireNonNull(type, "type");
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

  public EventEnvelopeBuilder data(String field, Object value) {
    data.put(field, Objects.requireNonNull(value, field));
    return this;
  }

  public EventEnvelopeBuilder data(Map<String, ?> fields) {
    fields.forEach(this::data);
    return this;
  }

  /** Where the request came from; an unknown address or user agent is left out. */
  public EventEnvelopeBuilder client(Client client) {
    return client(client.ip(), client.userAgent());
  }

  /** The client's IP and user agent; each is left out when null or blank (not known). */
  public EventEnvelopeBuilder client(@Nullable String ip, @Nullable String userAgent) {
    putIfPresent(EventEnvelope.CLIENT_IP, ip);
    putIfPresent(EventEnvelope.USER_AGENT, userAgent);
    return this;
  }

  public EventEnvelope build() {
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
        data);
  }

  private void putIfPresent(String field, @Nullable String value) {
    String present = blankToNull(value);
    if (present != null) {
      data.put(field, present);
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
