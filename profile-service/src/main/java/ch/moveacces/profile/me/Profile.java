package ch.moveacces.profile.me;

import java.time.Instant;

/** A member's profile as stored: identity, editable fields and timestamps. */
record Profile(
    long userId, String email, ProfileFields fields, Instant createdAt, Instant updatedAt) {}
