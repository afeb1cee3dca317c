package ch.moveacces.realtime;

import java.time.Instant;

/** What a socket may receive: the events of this user, while this session lives and until then. */
record Grant(String userId, String sessionId, Instant expiresAt) {}
