package ch.moveacces.audit.query;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the trail, newest first ({@code occurred_at DESC, id DESC}). A chained row ({@code chain}
 * set) takes its personal fields and envelope from {@code audit_personal_data}; a row recorded
 * before chaining has them in its own columns. The statement is assembled from fixed fragments;
 * every value is a bound parameter.
 */
@Repository
class AuditEvents {

  private static final String COLUMNS =
      """
      SELECT l.id, l.event_id, l.event_type, l.source, l.occurred_at, l.recorded_at, l.trace_id,
             l.chain, l.seq, l.schema_valid, l.actor, l.actor_role,
             l.subject AS own_subject, l.user_id AS own_user_id, l.client_ip AS own_client_ip,
             l.user_agent AS own_user_agent, l.payload,
             p.subject, p.user_id, p.actor_id, p.client_ip, p.user_agent, p.envelope, p.erasure_id
      FROM audit_logs l
      LEFT JOIN audit_personal_data p ON p.event_id = l.event_id
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  AuditEvents(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  Mono<RecordedEvent> find(UUID eventId) {
    return database
        .sql(COLUMNS + "WHERE l.event_id = :eventId")
        .bind("eventId", eventId.toString())
        .map(this::recorded)
        .one();
  }

  /** Up to {@code limit} rows matching the filter, after its cursor. */
  Flux<RecordedEvent> find(AuditFilter filter, int limit) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    if (filter.userId() != null) {
      conditions.add("(p.user_id = :userId OR (l.chain IS NULL AND l.user_id = :userId))");
      values.put("userId", filter.userId());
    }
    if (filter.type() != null) {
      conditions.add("l.event_type = :type");
      values.put("type", filter.type());
    }
    if (filter.actor() != null) {
      conditions.add("l.actor = :actor");
      values.put("actor", filter.actor().kind());
      if (filter.actor().userId() != null) {
        conditions.add("p.actor_id = :actorId");
        values.put("actorId", filter.actor().userId());
      }
    }
    if (filter.from() != null) {
      conditions.add("l.occurred_at >= :from");
      values.put("from", utc(filter.from()));
    }
    if (filter.to() != null) {
      conditions.add("l.occurred_at < :to");
      values.put("to", utc(filter.to()));
    }
    if (filter.after() != null) {
      conditions.add(
          "(l.occurred_at < :afterAt OR (l.occurred_at = :afterAt AND l.id < :afterId))");
      values.put("afterAt", utc(filter.after().occurredAt()));
      values.put("afterId", filter.after().id());
    }
    String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
    values.put("limit", limit);
    return database
        .sql(COLUMNS + where + "ORDER BY l.occurred_at DESC, l.id DESC LIMIT :limit")
        .bindValues(values)
        .map(this::recorded)
        .all();
  }

  private RecordedEvent recorded(Readable row) {
    String chain = row.get("chain", String.class);
    boolean chained = chain != null;
    // a chained row's personal part is apart; one recorded before chaining holds its own
    String prefix = chained ? "" : "own_";
    Number seq = row.get("seq", Number.class);
    Boolean schemaValid = row.get("schema_valid", Boolean.class);
    boolean erased = chained && row.get("erasure_id", Number.class) != null;
    AuditEventView event =
        new AuditEventView(
            UUID.fromString(required(row, "event_id", String.class)),
            required(row, "event_type", String.class),
            required(row, "source", String.class),
            row.get(prefix + "subject", String.class),
            number(row, prefix + "user_id"),
            instant(required(row, "occurred_at", LocalDateTime.class)),
            instant(required(row, "recorded_at", LocalDateTime.class)),
            row.get("trace_id", String.class),
            row.get(prefix + "client_ip", String.class),
            row.get(prefix + "user_agent", String.class),
            row.get("actor", String.class),
            chained ? number(row, "actor_id") : null,
            row.get("actor_role", String.class),
            schemaValid == null || schemaValid,
            erased,
            chain,
            seq == null ? null : seq.longValue(),
            data(chained ? envelope(row) : row.get("payload", String.class)));
    return new RecordedEvent(required(row, "id", Number.class).longValue(), event);
  }

  private static @Nullable String envelope(Readable row) {
    ByteBuffer bytes = row.get("envelope", ByteBuffer.class);
    if (bytes == null) {
      return null;
    }
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    return new String(copy, StandardCharsets.UTF_8);
  }

  /**
   * The event's data object out of the envelope stored whole; null when there is no envelope
   * (erased). An envelope recorded although it breaks its schema may lack one: then empty.
   */
  private @Nullable JsonNode data(@Nullable String envelope) {
    if (envelope == null) {
      return null;
    }
    try {
      JsonNode data = json.readTree(envelope).get("data");
      return data != null ? data : json.createObjectNode();
    } catch (JacksonException unreadable) {
      return json.createObjectNode();
    }
  }

  private static @Nullable Long number(Readable row, String column) {
    Number value = row.get(column, Number.class);
    return value == null ? null : value.longValue();
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  private static <T> T required(Readable row, String column, Class<T> type) {
    T value = row.get(column, type);
    if (value == null) {
      throw new IllegalStateException("audit_logs." + column + " is NULL");
    }
    return value;
  }
}
