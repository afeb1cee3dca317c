package ch.moveacces.subscription;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code moveacces.subscriptions.*}.
 *
 * @param zone the calendar of abonnement dates: "today" is today in this zone (Swiss members)
 * @param expiry the job that expires abonnements past their stop date
 */
@Validated
@ConfigurationProperties(SubscriptionsProperties.PREFIX)
public record SubscriptionsProperties(
    @DefaultValue("Europe/Zurich") ZoneId zone, @DefaultValue Expiry expiry) {

  public static final String PREFIX = "moveacces.subscriptions";

  /**
   * @param enabled whether this instance runs the job (any number of instances may)
   * @param interval pause between two runs; the first run starts with the application
   * @param batchSize abonnements locked and expired per transaction
   */
  public record Expiry(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1m") Duration interval,
      @DefaultValue("100") int batchSize) {

    public Expiry {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(PREFIX + ".expiry.interval must be positive");
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException(PREFIX + ".expiry.batch-size must be at least 1");
      }
    }
  }
}
