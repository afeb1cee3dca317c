package ch.moveacces.auth.session;

import java.util.List;

/**
 * The signed-in user of a request: a valid access token whose session is still active. A handler
 * parameter of this type makes its endpoint require one.
 */
public record Caller(long userId, String email, List<String> roles, String sessionId) {}
