package ch.moveacces.auth.problem;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems auth-service answers with; each type is stable, clients branch on it. */
public final class AuthProblems {

  private AuthProblems() {}

  /** Unknown email and wrong password alike, so that the answer reveals no account. */
  public static ErrorResponseException invalidCredentials() {
    return problem(
        HttpStatus.UNAUTHORIZED, "invalid-credentials", "The email or the password is wrong.");
  }

  public static ErrorResponseException invalidRefreshToken() {
    return problem(
        HttpStatus.UNAUTHORIZED,
        "invalid-refresh-token",
        "The refresh token is unknown, expired or was revoked; sign in again.");
  }

  public static ErrorResponseException invalidAccessToken() {
    ErrorResponseException error =
        problem(
            HttpStatus.UNAUTHORIZED,
            "invalid-token",
            "A valid access token of an active session is required.");
    error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return error;
  }

  /**
   * A request that carries the web app's refresh cookie without its {@code X-Moveacces-Client}
   * header, or says it is the web app from an origin that is not the app's: another site's doing.
   */
  public static ErrorResponseException csrfRejected() {
    return problem(
        HttpStatus.FORBIDDEN,
        "csrf-rejected",
        "Cookie requests must come from the Move Acces app with its client header.");
  }

  public static ErrorResponseException emailTaken() {
    return problem(
        HttpStatus.CONFLICT, "email-taken", "An account with this email address already exists.");
  }

  public static ErrorResponseException sessionNotFound() {
    return problem(HttpStatus.NOT_FOUND, "session-not-found", "You have no such active session.");
  }

  /** The password hashing pool is full: come back shortly rather than queue without bound. */
  public static ErrorResponseException busy(Duration retryAfter) {
    ErrorResponseException error =
        problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Too many sign-ins at once.");
    error
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    return error;
  }

  /**
   * Redis, where sessions live, did not answer: nobody can sign in or stay signed in until it is
   * back, which a client should retry rather than report as a fault.
   */
  public static ErrorResponseException sessionsUnavailable(Throwable cause) {
    ProblemDetail body = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
    body.setType(ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE));
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, body, cause);
    error.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    return error;
  }

  private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(ProblemTypes.of(type));
    return new ErrorResponseException(status, body, null);
  }
}
