package ch.moveacces.profile.me;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A valid token whose user has no row (deleted since the token was issued). */
class ProfileNotFoundException extends ErrorResponseException {

  @Serial private static final long serialVersionUID = 1L;

  ProfileNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No profile exists for this account.");
    problem.setType(ProblemTypes.of("profile-not-found"));
    problem.setTitle("Profile not found");
    return problem;
  }
}
