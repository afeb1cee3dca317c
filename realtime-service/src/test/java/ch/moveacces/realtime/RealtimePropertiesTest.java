package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RealtimePropertiesTest {

  @Test
  void keepsDeadLettersAtLeastThirtyDays() {
    assertThat(withDeadLetterRetention(Duration.ofDays(30)).deadLetterRetention())
        .isEqualTo(Duration.ofDays(30));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withDeadLetterRetention(Duration.ofDays(29)))
        .withMessageContaining("dead-letter-retention");
  }

  private static RealtimeProperties withDeadLetterRetention(Duration retention) {
    return new RealtimeProperties(
        Duration.ofSeconds(30),
        10,
        20000,
        Duration.ofSeconds(25),
        Duration.ofSeconds(60),
        64,
        DataSize.ofKilobytes(32),
        null,
        Duration.ofSeconds(5),
        500,
        Duration.ofHours(24),
        DataSize.ofKilobytes(8),
        retention);
  }
}
