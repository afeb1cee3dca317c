package ch.moveacces.platform.defaults.problem;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Problems for input a client got wrong: bean validation failures and unknown JSON fields. */
final class InputProblems {

  private final JsonFieldNames names;

  InputProblems(JsonFieldNames names) {
    this.names = names;
  }

  ProblemDetail validationFailed(BindingResult result) {
    Object target = result.getTarget();
    Class<?> type = target != null ? target.getClass() : null;
    List<FieldError> errors =
        result.getAllErrors().stream().map(error -> fieldError(type, error)).toList();
    return ValidationFailedException.problem(errors);
  }

  ProblemDetail validationFailed(HandlerMethodValidationException failure) {
    List<FieldError> errors =
        failure.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldError(
                                    parameterName(result.getMethodParameter().getParameterName()),
                                    message(error))))
            .toList();
    return ValidationFailedException.problem(errors);
  }

  /** The unknown field Jackson met while reading a body, anywhere in the failure's causes. */
  static Optional<UnknownFieldException> unknownField(@Nullable Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return Optional.of(new UnknownFieldException(path(unknown)));
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    return Optional.empty();
  }

  private FieldError fieldError(@Nullable Class<?> type, ObjectError error) {
    String field =
        error instanceof org.springframework.validation.FieldError fieldError
            ? names.of(type, fieldError.getField())
            : error.getObjectName();
    return new FieldError(field, message(error));
  }

  private static String parameterName(@Nullable String name) {
    return name != null ? name : "request";
  }

  private static String message(MessageSourceResolvable error) {
    String message = error.getDefaultMessage();
    return message != null ? message : "is not valid";
  }

  /** JSON paths as the client wrote them, e.g. {@code address.npa} or {@code phones[1].kind}. */
  private static String path(JacksonException failure) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : failure.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() && failure instanceof UnrecognizedPropertyException unknown
        ? unknown.getPropertyName()
        : path.toString();
  }
}
