package ch.moveacces.auth.session;

/** Redis key names; the first two are the contract of ADR 0005 that the gateway reads. */
final class SessionKeys {

  static final String SESSION_PREFIX = "auth:session:";

  private SessionKeys() {}

  static String session(String sid) {
    return SESSION_PREFIX + sid;
  }

  static String userSessions(long userId) {
    return "auth:user-sessions:" + userId;
  }

  /** From the SHA-256 of a refresh token, current or rotated, to its session. */
  static String refresh(String tokenHash) {
    return "auth:refresh:" + tokenHash;
  }
}
