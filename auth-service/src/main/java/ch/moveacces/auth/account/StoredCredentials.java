package ch.moveacces.auth.account;

/** An account as sign-in sees it: who, and the Argon2id hash of the password. */
public record StoredCredentials(long userId, String email, String passwordHash) {}
