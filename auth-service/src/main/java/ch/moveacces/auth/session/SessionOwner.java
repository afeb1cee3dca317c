package ch.moveacces.auth.session;

/** The session a refresh token belongs to, and its user. */
public record SessionOwner(String sessionId, long userId, String email) {}
