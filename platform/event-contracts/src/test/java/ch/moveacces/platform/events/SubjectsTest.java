package ch.moveacces.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SubjectsTest {

  @Test
  void aUserIsItsId() {
    assertThat(Subjects.user(42)).isEqualTo("42");
  }

  @Test
  void refusesANonPositiveUserId() {
    assertThatIllegalArgumentException().isThrownBy(() -> Subjects.user(0));
  }

  @Test
  void anUnknownEmailIsTheHashOfItsNormalisedForm() {
    assertThat(Subjects.unknownEmail(" Anna.Muster@Example.CH "))
        .isEqualTo(Subjects.unknownEmail("anna.muster@example.ch"))
        .isEqualTo("email-sha256:7151a3247d5c07e542e04e6cdda5d30f6628df6985949bd4829a9ee50f170118")
        .doesNotContain("anna");
  }
}
