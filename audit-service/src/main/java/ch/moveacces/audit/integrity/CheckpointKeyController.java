package ch.moveacces.audit.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys checkpoints and erasures are verified with: the current one first. */
@Tag(
    name = "Trail integrity",
    description = "Signed checkpoints of the audit trail's hash chains, and their verification.")
@RestController
class CheckpointKeyController {

  private static final Duration CACHE_FOR = Duration.ofMinutes(5);

  private final CheckpointKeys keys;

  CheckpointKeyController(CheckpointKeys keys) {
    this.keys = keys;
  }

  @Operation(
      summary = "The checkpoints' public keys, as a JWK set",
      description =
          "Every key a checkpoint or an erasure of the trail may be signed with, by kid: the"
              + " current one and those it replaced.")
  @SecurityRequirements
  @GetMapping(path = IntegrityAccess.KEY_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> checkpointKeys() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic())
        .body(keys.publicJwkSet().toJSONObject());
  }
}
