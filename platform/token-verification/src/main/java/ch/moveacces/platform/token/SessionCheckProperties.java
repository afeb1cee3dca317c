package ch.moveacces.platform.token;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link ActiveSessions} asks Redis.
 *
 * @param checkTimeout how long a session check waits for Redis before it fails; each service sets
 *     its own (the gateway its Redis timeout, 100 ms, as it lets a request through without it)
 */
@ConfigurationProperties(SessionCheckProperties.PREFIX)
@Validated
public record SessionCheckProperties(
    @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration checkTimeout) {

  public static final String PREFIX = "moveacces.sessions";
}
