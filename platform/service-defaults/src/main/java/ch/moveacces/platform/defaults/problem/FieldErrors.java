package ch.moveacces.platform.defaults.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every fault of one request, so that a client learns them all at once: a handler adds
 * each field at fault as it checks the input, then {@link #throwIfAny()} answers them in one {@code
 * 422} {@code validation-failed} problem, in the order they were found.
 */
public final class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();

  /** One field at fault, named as the client sent it. */
  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * @throws ValidationFailedException listing every field collected, when there is any
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
  }
}
