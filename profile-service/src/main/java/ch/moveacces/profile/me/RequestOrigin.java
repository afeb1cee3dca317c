package ch.moveacces.profile.me;

import org.jspecify.annotations.Nullable;

/** Where a change came from, for its event: the client's IP and user agent, each when known. */
record RequestOrigin(@Nullable String ip, @Nullable String userAgent) {}
