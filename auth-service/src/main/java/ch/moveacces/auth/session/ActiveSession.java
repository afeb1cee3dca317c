package ch.moveacces.auth.session;

import java.time.Instant;

/** A session as its user sees it in the list. */
public record ActiveSession(
    String id, Instant createdAt, Instant lastUsedAt, String userAgent, String ip) {}
