package ch.moveacces.audit.query;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the trail, newest first ({@code occurred_at DESC, id DESC}, served by the indexes of V1).
 * The statement is assembled from fixed fragments; every value is a bound parameter.
 */
@Repository
class AuditEvents {

  private static final String COLUMNS =
      """
      SELECT id, event_id, event_type, source, subject, user_id, occurred_at, recorded_at,
             trace_id, client_ip, user_agent, payload
      FROM audit_logs
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  AuditEvents(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  Mono<RecordedEvent> find(UUID eventId) {
    return database
        .sql(COLUMNS + "WHERE event_id = :eventId")
        .bind("eventId", eventId.toString())
        .map(this::recorded)
        .one();
  }

  /** Up to {@code limit} rows matching the filter, after its cursor. */
  Flux<RecordedEvent> find(AuditFilter filter, int limit) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    if (filter.userId() != null) {
      conditions.add("user_id = :userId");
      values.put("userId", filter.userId());
    }
    if (filter.type() != null) {
      conditions.add("event_type = :type");
      values.put("type", filter.type());
    }
    if (filter.from() != null) {
      conditions.add("occurred_at >= :from");
      values.put("from", utc(filter.from()));
    }
    if (filter.to() != null) {
      conditions.add("occurred_at < :to");
      values.put("to", utc(filter.to()));
    }
    if (filter.after() != null) {
      conditions.add("(occurred_at < :afterAt OR (occurred_at = :afterAt AND id < :afterId))");
      values.put("afterAt", utc(filter.after().occurredAt()));
      values.put("afterId", filter.after().id());
    }
    String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
    values.put("limit", limit);
    return database
        .sql(COLUMNS + where + "ORDER BY occurred_at DESC, id DESC LIMIT :limit")
        .bindValues(values)
        .map(this::recorded)
        .all();
  }

  private RecordedEvent recorded(Readable row) {
    Number userId = row.get("user_id", Number.class);
    AuditEventView event =
        new AuditEventView(
            UUID.fromString(required(row, "event_id", String.class)),
            required(row, "event_type", String.class),
            required(row, "source", String.class),
            required(row, "subject", String.class),
            userId == null ? null : userId.longValue(),
            instant(required(row, "occurred_at", LocalDateTime.class)),
            instant(required(row, "recorded_at", LocalDateTime.class)),
            row.get("trace_id", String.class),
            row.get("client_ip", String.class),
            row.get("user_agent", String.class),
            data(required(row, "payload", String.class)));
    return new RecordedEvent(required(row, "id", Number.class).longValue(), event);
  }

  /** The event's data object out of the envelope stored whole. */
  private JsonNode data(String envelope) {
    JsonNode data = json.readTree(envelope).get("data");
    return data != null ? data : json.createObjectNode();
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
