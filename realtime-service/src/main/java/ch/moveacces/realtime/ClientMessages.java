package ch.moveacces.realtime;

import ch.moveacces.platform.token.ActiveSessions;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client may send (JSON text frames): {@code {"type":"ping"}} → {@code {"type":"pong"}};
 * {@code {"type":"auth","token":"…"}}, a fresh access token of the same user and session, moves the
 * socket's expiry to the new token's; {@code {"type":"resume","last_id":"…"}} sends the events
 * after that id, then continues live. Anything else is answered {@code {"type":"error"}}.
 */
@Component
class ClientMessages {

  static final String PONG = "{\"type\":\"pong\"}";
  static final String RESYNC_REQUIRED = "{\"type\":\"resync_required\"}";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final SocketAuthentication authentication;
  private final ActiveSessions sessions;
  private final UserStreams streams;
  private final Clock clock = Clock.systemUTC();

  ClientMessages(
      SocketAuthentication authentication, ActiveSessions sessions, UserStreams streams) {
    this.authentication = authentication;
    this.sessions = sessions;
    this.streams = streams;
  }

  static String ready(long expiresIn) {
    return "{\"type\":\"ready\",\"expires_in\":" + expiresIn + "}";
  }

  static String authOk(long expiresIn) {
    return "{\"type\":\"auth_ok\",\"expires_in\":" + expiresIn + "}";
  }

  static String error(String error) {
    return "{\"type\":\"error\",\"error\":\"" + error + "\"}";
  }

  void handle(Connection connection, String text) {
    JsonNode message;
    try {
      message = MAPPER.readTree(text);
    } catch (JacksonException e) {
      connection.sendText(error("malformed"));
      return;
    }
    switch (string(message, "type")) {
      case "ping" -> connection.sendText(PONG);
      case "auth" -> authenticate(connection, string(message, "token"));
      case "resume" -> resume(connection, string(message, "last_id"));
      case null, default -> connection.sendText(error("unknown_type"));
    }
  }

  private void authenticate(Connection connection, @Nullable String token) {
    if (token == null) {
      connection.sendText(error("token_required"));
      return;
    }
    authentication
        .verify(token)
        .filter(
            grant ->
                grant.userId().equals(connection.userId())
                    && grant.sessionId().equals(connection.sessionId())
                    && grant.expiresAt().isAfter(clock.instant()))
        .filterWhen(grant -> sessions.isActive(grant.sessionId()))
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .subscribe(
            accepted ->
                accepted.ifPresentOrElse(
                    grant -> {
                      connection.extend(grant.expiresAt());
                      long left =
                          Math.max(
                              0,
                              grant.expiresAt().getEpochSecond()
                                  - clock.instant().getEpochSecond());
                      connection.sendText(authOk(left));
                    },
                    // not this user's, not this session's, expired, or the session has ended
                    () -> connection.close(CloseCodes.UNAUTHORIZED)),
            error -> connection.sendText(error("auth_unavailable")));
  }

  private void resume(Connection connection, @Nullable String lastId) {
    StreamId id = StreamId.parse(lastId);
    if (id == null) {
      connection.sendText(error("invalid_last_id"));
      return;
    }
    if (!connection.startResume()) {
      connection.sendText(error("resume_in_progress"));
      return;
    }
    streams
        .after(connection.userId(), id)
        .subscribe(
            replay ->
                replay.ifPresentOrElse(
                    entries -> connection.resumed(id, entries),
                    () -> connection.resyncRequired(RESYNC_REQUIRED)),
            error -> connection.resyncRequired(RESYNC_REQUIRED));
  }

  private static @Nullable String string(JsonNode message, String field) {
    JsonNode value = message.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }
}
