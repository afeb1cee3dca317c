package ch.moveacces.auth.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A session as its user sees it in the list; user agent and IP are null when not known. */
public record ActiveSession(
    String id,
    Instant createdAt,
    Instant lastUsedAt,
    @Nullable String userAgent,
    @Nullable String ip) {}
