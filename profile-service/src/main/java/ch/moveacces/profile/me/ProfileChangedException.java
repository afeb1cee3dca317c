package ch.moveacces.profile.me;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code If-Match} named a version of the profile that is no longer the current one. */
class ProfileChangedException extends ErrorResponseException {

  @Serial private static final long serialVersionUID = 1L;

  ProfileChangedException() {
    super(HttpStatus.PRECONDITION_FAILED, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PRECONDITION_FAILED,
            "The profile has changed since it was read; read it again and retry.");
    problem.setType(ProblemTypes.of("precondition-failed"));
    problem.setTitle("Precondition Failed");
    return problem;
  }
}
