package ch.moveacces.platform.token;

import java.util.List;

/**
 * Every claim name of a Move Acces access token (ADR 0005): what auth-service writes and what every
 * verifier reads, spelled here only.
 */
public final class TokenClaims {

  public static final String ISSUER = "iss";
  public static final String AUDIENCE = "aud";
  public static final String SUBJECT = "sub";
  public static final String EXPIRES_AT = "exp";
  public static final String NOT_BEFORE = "nbf";
  public static final String ISSUED_AT = "iat";
  public static final String TOKEN_ID = "jti";

  public static final String EMAIL = "email";
  public static final String ROLES = "roles";
  public static final String SESSION_ID = "sid";

  /** Reserved for two-factor sign-in: how the user authenticated (RFC 8176), e.g. {@code pwd}. */
  public static final String AUTHENTICATION_METHODS = "amr";

  /** Reserved for two-factor sign-in: when the user last authenticated, in epoch seconds. */
  public static final String AUTH_TIME = "auth_time";

  /**
   * The claims a token must carry to be accepted. {@code email} is not among them: no rule reads
   * it, and a token need not carry personal data.
   */
  public static final List<String> REQUIRED =
      List.of(SUBJECT, SESSION_ID, TOKEN_ID, ISSUED_AT, EXPIRES_AT);

  private TokenClaims() {}
}
