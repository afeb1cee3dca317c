package ch.moveacces.auth.event;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import ch.moveacces.platform.events.Subjects;
import ch.moveacces.platform.events.payload.AllSessionsRevoked;
import ch.moveacces.platform.events.payload.EventPayload;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.LoginFailed;
import ch.moveacces.platform.events.payload.LoginSucceeded;
import ch.moveacces.platform.events.payload.PasswordChanged;
import ch.moveacces.platform.events.payload.RefreshTokenReuseDetected;
import ch.moveacces.platform.events.payload.RefreshTokenRotated;
import ch.moveacces.platform.events.payload.SessionRevoked;
import ch.moveacces.platform.events.payload.UserRegistered;
import ch.moveacces.platform.outbox.EventOutbox;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends identity events to the outbox. Inside a transaction the row commits with it; otherwise on
 * its own. Either way the returned {@code Mono} completes only once the row is written, so a caller
 * that waits for it never answers a success whose event is missing.
 *
 * <p>The actor: every change here is the member's own, so the member acts as {@link Actor#member}:
 * by registering, by signing in (the password just checked), with a refresh token, or with the
 * access token whose user the callers pass (logout, ending sessions, changing the password). A
 * failed login and a reused refresh token name no actor: nobody authenticated, and the reused token
 * may be a thief's as well as the member's.
 */
@Component
public class IdentityEvents {

  private final EventOutbox outbox;
  private final Clock clock;

  IdentityEvents(EventOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  public Mono<Void> userRegistered(long userId, Client client) {
    return append(byTheMember(new UserRegistered(), userId, client));
  }

  public Mono<Void> loginSucceeded(long userId, String sessionId, Client client) {
    return append(byTheMember(new LoginSucceeded(sessionId), userId, client));
  }

  public Mono<Void> loginFailedWithWrongPassword(long userId, Client client) {
    return append(event(new LoginFailed(LoginFailed.Reason.WRONG_PASSWORD), client).user(userId));
  }

  /** Keyed by the email's hash, so the address itself never reaches the event log. */
  public Mono<Void> loginFailedForUnknownEmail(String email, Client client) {
    return append(
        event(new LoginFailed(LoginFailed.Reason.UNKNOWN_EMAIL), client)
            .subject(Subjects.unknownEmail(email)));
  }

  public Mono<Void> refreshTokenRotated(long userId, String sessionId, Client client) {
    return append(byTheMember(new RefreshTokenRotated(sessionId), userId, client));
  }

  /** The session named has been revoked because one of its old refresh tokens came back. */
  public Mono<Void> refreshTokenReused(long userId, String sessionId, Client client) {
    return append(event(new RefreshTokenReuseDetected(sessionId), client).user(userId));
  }

  public Mono<Void> loggedOut(long userId, String sessionId, Client client) {
    return append(byTheMember(new LoggedOut(sessionId), userId, client));
  }

  public Mono<Void> sessionRevoked(long userId, String sessionId, Client client) {
    return append(byTheMember(new SessionRevoked(sessionId), userId, client));
  }

  public Mono<Void> allSessionsRevoked(long userId, long revokedSessions, Client client) {
    return append(byTheMember(new AllSessionsRevoked(revokedSessions), userId, client));
  }

  /** {@code sessionId}: the session that changed it, the one that stays signed in. */
  public Mono<Void> passwordChanged(long userId, String sessionId, Client client) {
    return append(byTheMember(new PasswordChanged(sessionId), userId, client));
  }

  private EventEnvelopeBuilder byTheMember(EventPayload payload, long userId, Client client) {
    return event(payload, client).user(userId).actor(Actor.member(userId));
  }

  private EventEnvelopeBuilder event(EventPayload payload, Client client) {
    return EventEnvelope.builder(payload).clock(clock).client(client.ip(), client.userAgent());
  }

  private Mono<Void> append(EventEnvelopeBuilder event) {
    return outbox.append(event).then();
  }
}
