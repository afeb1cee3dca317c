package ch.moveacces.platform.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserIdTest {

  @Test
  void isThePositiveDecimalNumberOfSub() {
    assertThat(UserId.parse("42")).isEqualTo(new UserId(42));
    assertThat(UserId.parse("42")).hasToString("42");
    assertThat(UserId.parse("9223372036854775807").value()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void refusesAnythingElse() {
    for (String subject :
        new String[] {
          "", "0", "-1", "+1", " 42", "4 2", "4.2", "anna", "٤٢", "9223372036854775808"
        }) {
      assertThat(UserId.isValid(subject)).as(subject).isFalse();
      assertThatThrownBy(() -> UserId.parse(subject)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
