package ch.moveacces.auth.session;

import ch.moveacces.platform.token.ActiveSessions;

/**
 * Redis key names. A session's key is the contract of ADR 0005 that every verifier reads, so it
 * comes from token-verification's {@link ActiveSessions}.
 */
final class SessionKeys {

  static final String SESSION_PREFIX = ActiveSessions.KEY_PREFIX;

  private SessionKeys() {}

  static String session(String sid) {
    return ActiveSessions.key(sid);
  }

  static String userSessions(long userId) {
    return "auth:user-sessions:" + userId;
  }

  /** From the SHA-256 of a refresh token, current or rotated, to its session. */
  static String refresh(String tokenHash) {
    return "auth:refresh:" + tokenHash;
  }
}
