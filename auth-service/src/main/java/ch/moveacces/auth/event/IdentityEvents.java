package ch.moveacces.auth.event;

import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Subjects;
import ch.moveacces.platform.outbox.EventOutbox;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends identity events to the outbox. Inside a transaction the row commits with it; otherwise on
 * its own. Either way the returned {@code Mono} completes only once the row is written, so a caller
 * that waits for it never answers a success whose event is missing.
 */
@Component
public class IdentityEvents {

  private static final String SESSION_ID = "session_id";

  private final EventOutbox outbox;
  private final Clock clock;

  IdentityEvents(EventOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  public Mono<Void> userRegistered(long userId, Client client) {
    return append(event(EventType.USER_REGISTERED, client).user(userId));
  }

  public Mono<Void> loginSucceeded(long userId, String sessionId, Client client) {
    return append(
        event(EventType.LOGIN_SUCCEEDED, client).user(userId).data(SESSION_ID, sessionId));
  }

  public Mono<Void> loginFailedWithWrongPassword(long userId, Client client) {
    return append(
        event(EventType.LOGIN_FAILED, client).user(userId).data("reason", "wrong_password"));
  }

  /** Keyed by the email's hash, so the address itself never reaches the event log. */
  public Mono<Void> loginFailedForUnknownEmail(String email, Client client) {
    return append(
        event(EventType.LOGIN_FAILED, client)
            .subject(Subjects.unknownEmail(email))
            .data("reason", "unknown_email"));
  }

  public Mono<Void> refreshTokenRotated(long userId, String sessionId, Client client) {
    return append(
        event(EventType.REFRESH_TOKEN_ROTATED, client).user(userId).data(SESSION_ID, sessionId));
  }

  /** The session named has been revoked because one of its old refresh tokens came back. */
  public Mono<Void> refreshTokenReused(long userId, String sessionId, Client client) {
    return append(
        event(EventType.REFRESH_TOKEN_REUSE_DETECTED, client)
            .user(userId)
            .data(SESSION_ID, sessionId));
  }

  public Mono<Void> loggedOut(long userId, String sessionId, Client client) {
    return append(event(EventType.LOGGED_OUT, client).user(userId).data(SESSION_ID, sessionId));
  }

  public Mono<Void> sessionRevoked(long userId, String sessionId, Client client) {
    return append(
        event(EventType.SESSION_REVOKED, client).user(userId).data(SESSION_ID, sessionId));
  }

  public Mono<Void> allSessionsRevoked(long userId, long revokedSessions, Client client) {
    return append(
        event(EventType.ALL_SESSIONS_REVOKED, client)
            .user(userId)
            .data("revoked_sessions", revokedSessions));
  }

  /** {@code sessionId}: the session that changed it, the one that stays signed in. */
  public Mono<Void> passwordChanged(long userId, String sessionId, Client client) {
    return append(
        event(EventType.PASSWORD_CHANGED, client).user(userId).data(SESSION_ID, sessionId));
  }

  private EventEnvelopeBuilder event(EventType type, Client client) {
    return EventEnvelope.builder(type).clock(clock).client(client.ip(), client.userAgent());
  }

  private Mono<Void> append(EventEnvelopeBuilder event) {
    return outbox.append(event).then();
  }
}
