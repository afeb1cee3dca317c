package ch.moveacces.platform.defaults.openapi;

/**
 * How an operation's access is written in its document. Every operation needs an access token (the
 * {@value #BEARER} scheme) unless it says otherwise:
 *
 * <ul>
 *   <li>a public one (no token) carries an empty {@code @SecurityRequirements};
 *   <li>one that needs a role names it as a scope: {@code @SecurityRequirement(name =
 *       ApiSecurity.BEARER, scopes = "AUDITOR")}, on the operation or its controller.
 * </ul>
 */
public final class ApiSecurity {

  /** The bearer scheme's name, behind Swagger UI's "Authorize". */
  public static final String BEARER = "bearer";

  private ApiSecurity() {}
}
