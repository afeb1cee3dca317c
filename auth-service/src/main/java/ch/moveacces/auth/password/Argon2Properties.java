package ch.moveacces.auth.password;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id cost and the bounded pool that computes it. {@code threads} 0 means one per core, {@code
 * queue} 0 means twice the threads; a full queue answers 503 with {@code retryAfter}.
 */
@ConfigurationProperties(Argon2Properties.PREFIX)
public record Argon2Properties(
    @DefaultValue("65536") int memoryKib,
    @DefaultValue("3") int iterations,
    @DefaultValue("1") int parallelism,
    @DefaultValue("0") int threads,
    @DefaultValue("0") int queue,
    @DefaultValue("1s") Duration retryAfter) {

  public static final String PREFIX = "moveacces.auth.argon2";

  int poolThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  int poolQueue() {
    return queue > 0 ? queue : 2 * poolThreads();
  }
}
