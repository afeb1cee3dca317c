package ch.moveacces.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each member's recent events, a Redis stream {@code realtime:events:{userId}} (about {@code
 * history-size} entries, kept {@code history-ttl} after the last one). An entry's id is the id of
 * the message the member's devices get, so a device resumes after the last id it saw.
 */
@Component
class UserStreams {

  static final String STREAM_PREFIX = "realtime:events:";
  static final String SEEN_PREFIX = "realtime:seen:";
  private static final String FIELD = "m";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ReactiveStringRedisTemplate redis;
  private final RealtimeProperties properties;
  private final RedisScript<String> append =
      RedisScript.of(new ClassPathResource("ch/moveacces/realtime/append.lua"), String.class);

  UserStreams(ReactiveStringRedisTemplate redis, RealtimeProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  /**
   * Appends the event to its member's stream and publishes it to the member's channel, in one
   * script; true when appended, false when this event id was appended before.
   */
  Mono<Boolean> append(PushableEvent event) {
    long ttl = properties.historyTtl().toSeconds();
    return redis
        .execute(
            append,
            List.of(SEEN_PREFIX + event.eventId(), STREAM_PREFIX + event.userId()),
            List.of(
                event.body(),
                String.valueOf(properties.historySize()),
                String.valueOf(ttl),
                String.valueOf(ttl),
                UserChannels.channel(event.userId()),
                event.directive()))
        .next()
        .map(id -> true)
        .defaultIfEmpty(false)
        .timeout(TIMEOUT);
  }

  /**
   * The entries after {@code lastId}, oldest first; empty when they cannot all be given: the entry
   * {@code lastId} itself is no longer in the stream (trimmed, expired or never there), so entries
   * after it may be missing too.
   */
  Mono<Optional<List<Connection.Entry>>> after(String userId, StreamId lastId) {
    return redis
        .opsForStream()
        .range(
            STREAM_PREFIX + userId,
            Range.rightUnbounded(Range.Bound.inclusive(lastId.toString())),
            Limit.limit().count(properties.historySize() * 4 + 1))
        .collectList()
        .timeout(TIMEOUT)
        .map(records -> entries(records, lastId));
  }

  private static Optional<List<Connection.Entry>> entries(
      List<MapRecord<String, Object, Object>> records, StreamId lastId) {
    if (records.isEmpty()
        || !lastId.equals(StreamId.parse(records.getFirst().getId().getValue()))) {
      return Optional.empty();
    }
    List<Connection.Entry> entries = new ArrayList<>(records.size() - 1);
    for (MapRecord<String, Object, Object> record : records.subList(1, records.size())) {
      String id = record.getId().getValue();
      StreamId parsed = StreamId.parse(id);
      Object body = record.getValue().get(FIELD);
      if (parsed != null && body instanceof String text && text.startsWith("{")) {
        entries.add(new Connection.Entry(parsed, "{\"id\":\"" + id + "\"," + text.substring(1)));
      }
    }
    return Optional.of(entries);
  }
}
