package ch.moveacces.audit.integrity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The checkpoint key and how often each chain is signed ({@value #PREFIX}.*).
 *
 * @param signingKey the private EC P-256 JWK (or a JWK set of one) that signs checkpoints and
 *     erasures; its kid is written beside each signature. Blank: {@code devOnlySigningKey}, so that
 *     a development compose file may pass an empty AUDIT_CHECKPOINT_KEY
 * @param devOnlySigningKey the key published in this repository, for development only
 * @param previousKeys the public keys (a JWK set) of earlier signing keys, still served and
 *     verified against after a rotation; empty when none
 * @param interval how often the scheduler looks for chains due for a checkpoint
 * @param rows a chain is due once its head is this many rows past its last checkpoint
 * @param age or once it has a row newer than its last checkpoint, signed this long ago
 */
@Validated
@ConfigurationProperties(CheckpointProperties.PREFIX)
record CheckpointProperties(
    String signingKey,
    @NotBlank String devOnlySigningKey,
    String previousKeys,
    @NotNull Duration interval,
    @Min(1) long rows,
    @NotNull Duration age) {

  static final String PREFIX = "moveacces.audit.checkpoints";

  CheckpointProperties {
    previousKeys = previousKeys == null ? "" : previousKeys;
    signingKey = signingKey == null || signingKey.isBlank() ? devOnlySigningKey : signingKey;
  }
}
