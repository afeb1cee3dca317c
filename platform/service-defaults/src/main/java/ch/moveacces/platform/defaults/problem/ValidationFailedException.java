package ch.moveacces.platform.defaults.problem;

import java.io.Serial;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by a handler whose input broke its rules: answered {@code 422} with the type {@code
 * validation-failed} and the list of fields at fault, whether raised in a controller or in a
 * functional endpoint.
 */
public class ValidationFailedException extends ErrorResponseException {

  @Serial private static final long serialVersionUID = 1L;

  public static final String TYPE = "validation-failed";
  public static final String ERRORS = "errors";

  private final transient List<FieldError> errors;

  public ValidationFailedException(List<FieldError> errors) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, problem(errors), null);
    this.errors = List.copyOf(errors);
  }

  public ValidationFailedException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  static ProblemDetail problem(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    problem.setType(ProblemTypes.of(TYPE));
    problem.setTitle("Validation failed");
    problem.setDetail(
        errors.size() == 1
            ? "One field of the request is not valid."
            : errors.size() + " fields of the request are not valid.");
    problem.setProperty(ERRORS, List.copyOf(errors));
    return problem;
  }
}
