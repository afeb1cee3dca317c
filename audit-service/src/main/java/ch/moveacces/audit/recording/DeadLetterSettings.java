package ch.moveacces.audit.recording;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long {@code audit-service.dlt} keeps a dead letter ({@code retention.ms}): long enough to
 * notice the alert, fix the cause and replay it. Applied when the topic is created, and to the
 * existing topic at every start.
 */
@Validated
@ConfigurationProperties(DeadLetterSettings.PREFIX)
record DeadLetterSettings(@DefaultValue("30d") Duration deadLetterRetention) {

  static final String PREFIX = "moveacces.audit";

  DeadLetterSettings {
    if (deadLetterRetention.isNegative() || deadLetterRetention.isZero()) {
      throw new IllegalArgumentException(
          PREFIX + ".dead-letter-retention must be positive: " + deadLetterRetention);
    }
  }
}
