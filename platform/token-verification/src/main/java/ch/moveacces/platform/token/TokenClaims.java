package ch.moveacces.platform.token;

/** Names of the Move Acces claims beyond the registered ones (ADR 0005). */
public final class TokenClaims {

  public static final String EMAIL = "email";
  public static final String ROLES = "roles";
  public static final String SESSION_ID = "sid";

  private TokenClaims() {}
}
