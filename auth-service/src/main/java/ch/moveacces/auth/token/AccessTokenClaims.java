package ch.moveacces.auth.token;

import java.util.List;

/** Who an access token to be issued speaks for, and in which session. */
public record AccessTokenClaims(long userId, String email, List<String> roles, String sessionId) {}
