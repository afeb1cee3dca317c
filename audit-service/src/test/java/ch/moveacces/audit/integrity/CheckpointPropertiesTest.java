package ch.moveacces.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointPropertiesTest {

  private static CheckpointProperties withSigningKey(String key) {
    return new CheckpointProperties(
        key, "dev-key", "", Duration.ofSeconds(10), 1000, Duration.ofMinutes(5));
  }

  @Test
  void signsWithTheConfiguredKey() {
    assertThat(withSigningKey("real-key").signingKey()).isEqualTo("real-key");
  }

  /** The development compose file passes AUDIT_CHECKPOINT_KEY empty when it is not set. */
  @Test
  void signsWithTheDevOnlyKeyWhenTheConfiguredOneIsBlank() {
    assertThat(withSigningKey("").signingKey()).isEqualTo("dev-key");
    assertThat(withSigningKey(null).signingKey()).isEqualTo("dev-key");
  }
}
