package ch.moveacces.auth.session;

/** Who signs in, and from where, as the session list will show it. */
public record SessionStart(long userId, String email, String userAgent, String ip) {}
