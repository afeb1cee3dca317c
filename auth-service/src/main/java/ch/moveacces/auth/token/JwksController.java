package ch.moveacces.auth.token;

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

/** The public signing keys, which the gateway and every service verify tokens against. */
@Tag(
    name = "Signing keys",
    description = "The public keys that access tokens are verified against.")
@RestController
class JwksController {

  private static final Duration CACHE_FOR = Duration.ofMinutes(5);

  private final SigningKeys keys;

  JwksController(SigningKeys keys) {
    this.keys = keys;
  }

  @Operation(summary = "The public signing keys, as a JWK set")
  @SecurityRequirements
  @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic())
        .body(keys.publicKeys().toJSONObject());
  }
}
