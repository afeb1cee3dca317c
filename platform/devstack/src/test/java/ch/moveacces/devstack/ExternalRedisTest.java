package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import ch.moveacces.engines.FreePorts;
import ch.moveacces.engines.RedisServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExternalRedisTest {

  @Test
  void saysWithinItsTimeThatNoRedisAnswersWhereItWasSaidToBe() {
    String nowhere = "127.0.0.1:" + FreePorts.find();

    assertThatIllegalStateException()
        .isThrownBy(() -> ExternalRedis.requireAnswer(nowhere, Duration.ofSeconds(1)))
        .withMessage("no Redis answers at " + nowhere + " (--redis) within 1000 ms");
  }

  @Test
  void acceptsARedisThatAnswers() {
    try (RedisServer redis = RedisServer.startInMemory(0)) {
      assertThatNoException()
          .isThrownBy(
              () ->
                  ExternalRedis.requireAnswer("127.0.0.1:" + redis.port(), Duration.ofSeconds(5)));
    }
  }
}
