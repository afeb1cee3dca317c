package ch.moveacces.audit.query;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No event with this id was recorded. */
class AuditEventNotFoundException extends ErrorResponseException {

  @Serial private static final long serialVersionUID = 1L;

  AuditEventNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No event with this id was recorded.");
    problem.setType(ProblemTypes.of("audit-event-not-found"));
    problem.setTitle("Audit event not found");
    return problem;
  }
}
