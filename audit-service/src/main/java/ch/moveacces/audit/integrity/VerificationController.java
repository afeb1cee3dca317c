package ch.moveacces.audit.integrity;

import ch.moveacces.audit.query.TimeWindow;
import ch.moveacces.platform.defaults.openapi.ApiSecurity;
import ch.moveacces.platform.defaults.problem.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Verifies the rows recorded in a window, for auditors (the trail's rule covers {@code /audit/**}).
 * The answer is 200 whether the trail is intact or not: the report is what was asked for.
 */
@Tag(
    name = "Trail integrity",
    description = "Signed checkpoints of the audit trail's hash chains, and their verification.")
@SecurityRequirement(name = ApiSecurity.BEARER, scopes = "AUDITOR")
@RestController
class VerificationController {

  private final TrailVerification verification;
  private final TrailDatabase database;

  VerificationController(TrailVerification verification, TrailDatabase database) {
    this.verification = verification;
    this.database = database;
  }

  @Operation(
      summary = "Verify the trail",
      description =
          "Checks the rows recorded in the window (all when from and to are absent): hashes,"
              + " links, checkpoints' signatures, personal data and erasures. Names the first"
              + " row altered, removed or inserted.")
  @GetMapping(path = "/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<VerificationReport> verify(
      @Parameter(description = "recorded at or after this RFC 3339 instant")
          @RequestParam(required = false)
          @Nullable String from,
      @Parameter(description = "recorded before this RFC 3339 instant")
          @RequestParam(required = false)
          @Nullable String to) {
    FieldErrors errors = new FieldErrors();
    TimeWindow window = TimeWindow.of(from, to, errors);
    errors.throwIfAny();
    return Mono.fromCallable(
            () -> {
              try (Connection db = database.connect()) {
                return verification.verify(db, window.from(), window.to());
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
