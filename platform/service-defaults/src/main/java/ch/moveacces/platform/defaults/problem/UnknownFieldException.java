package ch.moveacces.platform.defaults.problem;

import java.io.Serial;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body named a field the endpoint does not know: answered {@code 400} with the type
 * {@code unknown-field}, naming it. Raised for every body Jackson reads (fail-on-unknown-properties
 * is a service default) and thrown by handlers that read raw JSON themselves.
 */
public class UnknownFieldException extends ErrorResponseException {

  @Serial private static final long serialVersionUID = 1L;

  public static final String TYPE = "unknown-field";

  private final String field;

  public UnknownFieldException(String field) {
    super(HttpStatus.BAD_REQUEST, problem(field), null);
    this.field = field;
  }

  public String field() {
    return field;
  }

  private static ProblemDetail problem(String field) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setType(ProblemTypes.of(TYPE));
    problem.setTitle("Unknown field");
    problem.setDetail("The field '" + field + "' is not accepted here.");
    problem.setProperty(
        ValidationFailedException.ERRORS, List.of(new FieldError(field, "is not a known field")));
    return problem;
  }
}
