package ch.moveacces.platform.defaults.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class FieldErrorsTest {

  @Test
  void throwsNothingWhenNothingWasCollected() {
    FieldErrors errors = new FieldErrors();

    assertThat(errors.isEmpty()).isTrue();
    assertThatNoException().isThrownBy(errors::throwIfAny);
  }

  @Test
  void answersEveryFieldCollectedInOne422InTheOrderFound() {
    FieldErrors errors = new FieldErrors();
    errors.add("email", "must be an email address");
    errors.add("password", "must be at least 12 characters");
    errors.add("email", "is already taken");

    assertThat(errors.isEmpty()).isFalse();
    ValidationFailedException failure =
        catchThrowableOfType(ValidationFailedException.class, errors::throwIfAny);
    assertThat(failure.errors())
        .containsExactly(
            new FieldError("email", "must be an email address"),
            new FieldError("password", "must be at least 12 characters"),
            new FieldError("email", "is already taken"));
    assertThat(failure.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(failure.getBody().getType().toString()).endsWith("/validation-failed");
    assertThat(failure.getBody().getProperties())
        .containsEntry(ValidationFailedException.ERRORS, failure.errors());
  }

  /** What is added after a throw is not in the problem already thrown. */
  @Test
  void theProblemThrownIsACopy() {
    FieldErrors errors = new FieldErrors();
    errors.add("name", "is required");
    ValidationFailedException first =
        catchThrowableOfType(ValidationFailedException.class, errors::throwIfAny);

    errors.add("state", "is required");

    assertThat(first.errors()).containsExactly(new FieldError("name", "is required"));
  }
}
