package ch.moveacces.realtime;

import org.springframework.web.reactive.socket.CloseStatus;

/** Why the server closes a socket; the table is in README.md. Reasons never name a credential. */
final class CloseCodes {

  /** The instance is shutting down: reconnect (to another one). */
  static final CloseStatus GOING_AWAY = new CloseStatus(1001, "going away");

  /** Redis could not be reached while connecting: reconnect later. */
  static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "try again later");

  /** No frame from the client within the idle timeout. */
  static final CloseStatus IDLE = new CloseStatus(4000, "idle");

  /** No valid, unused ticket or access token; or an in-band token of another user or session. */
  static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "unauthorized");

  /** The session was revoked (logout, revocation, password change, refresh-token reuse). */
  static final CloseStatus SESSION_REVOKED = new CloseStatus(4403, "session revoked");

  /** The access token expired and no fresh one came in an {@code auth} message. */
  static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4408, "token expired");

  /** The client did not read its messages fast enough; its send buffer was full. */
  static final CloseStatus SLOW_CONSUMER = new CloseStatus(4413, "slow consumer");

  /** Too many sockets: of this user, or on this instance. */
  static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4429, "too many connections");

  private CloseCodes() {}
}
