package ch.moveacces.gateway.admission;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * At most {@code maxInFlight} requests that make auth-service hash a password pass this gateway at
 * once. auth-service hashes on as many threads as it has cores and queues a few more; the default
 * leaves it room for that with one gateway in front.
 */
@Validated
@ConfigurationProperties(HashingAdmissionProperties.PREFIX)
public record HashingAdmissionProperties(@DefaultValue("8") @Min(1) int maxInFlight) {

  public static final String PREFIX = "moveacces.gateway.hashing-admission";
}
