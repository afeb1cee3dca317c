package ch.moveacces.auth.problem;

import ch.moveacces.platform.defaults.problem.FieldError;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import java.util.ArrayList;
import java.util.List;

/** Collects every fault of one request, so that a client learns them all at once. */
public final class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws the 422 {@code validation-failed} problem when anything was collected. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(List.copyOf(errors));
    }
  }
}
