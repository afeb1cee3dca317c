package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.moveacces.engines.FreePorts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A {@code --kafka} where nothing answers stops the start with a message saying so. */
class ExternalKafkaTest {

  @Test
  void saysAtOnceThatNoKafkaAnswersWhereItWasSaidToBe() {
    String nowhere = "127.0.0.1:" + FreePorts.find();

    assertThatIllegalStateException()
        .isThrownBy(() -> ExternalKafka.requireAnswer(nowhere, Duration.ofSeconds(1)))
        .withMessage("no Kafka answers at " + nowhere + " (--kafka) within 1000 ms");
  }
}
