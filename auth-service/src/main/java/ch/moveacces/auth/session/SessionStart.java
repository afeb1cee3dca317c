package ch.moveacces.auth.session;

import ch.moveacces.platform.events.Client;

/** Who signs in, and from where, as the session list will show it. */
public record SessionStart(long userId, String email, Client client) {}
