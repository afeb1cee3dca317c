package ch.moveacces.audit.query;

import ch.moveacces.platform.defaults.openapi.ApiSecurity;
import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit trail for auditors (role AUDITOR, see {@link AuditorAccess}). Parameters are read as
 * text and checked by {@link AuditFilter}, so that every bad one is named in one 422 problem.
 */
@Tag(
    name = "Audit trail",
    description = "Everything security-relevant that happened, for the AUDITOR role only.")
@SecurityRequirement(name = ApiSecurity.BEARER, scopes = "AUDITOR")
@RestController
@RequestMapping(path = "/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditEventsController {

  private final AuditEvents events;

  AuditEventsController(AuditEvents events) {
    this.events = events;
  }

  /** Newest first (occurred_at, then arrival); follow {@code next_cursor} for older events. */
  @Operation(
      summary = "Audit events, newest first",
      description = "One page; its next_cursor, given as cursor, reads the next older one.")
  @GetMapping
  Mono<AuditEventsPage> list(
      @Parameter(description = "only this user's events")
          @RequestParam(name = "user_id", required = false)
          @Nullable String userId,
      @Parameter(description = "only events of this type") @RequestParam(required = false)
          @Nullable String type,
      @Parameter(
              description =
                  "only events done by: system (changes nobody requested, e.g. the expiry job's),"
                      + " user (by any signed-in user), or a user id (by that user, for"
                      + " themselves or as an administrator for others). Events recorded before"
                      + " actors were named match none.",
              example = "system")
          @RequestParam(required = false)
          @Nullable String actor,
      @Parameter(description = "occurred at or after this RFC 3339 instant")
          @RequestParam(required = false)
          @Nullable String from,
      @Parameter(description = "occurred before this RFC 3339 instant")
          @RequestParam(required = false)
          @Nullable String to,
      @Parameter(description = "page size, 1 to 200; 50 when absent")
          @RequestParam(required = false)
          @Nullable String limit,
      @Parameter(description = "the next_cursor of the previous page")
          @RequestParam(required = false)
          @Nullable String cursor) {
    AuditFilter filter = AuditFilter.of(userId, type, from, to, limit, cursor, actor);
    // one row more than asked tells whether an older page exists
    return events
        .find(filter, filter.limit() + 1)
        .collectList()
        .map(rows -> page(rows, filter.limit()));
  }

  @Operation(summary = "One audit event")
  @ProblemResponse(status = 404, description = "No such event (type audit-event-not-found).")
  @ProblemResponse(status = 422, description = "The event id is no UUID (type validation-failed).")
  @GetMapping("/{event_id}")
  Mono<AuditEventView> one(@PathVariable("event_id") String eventId) {
    return events
        .find(uuid(eventId))
        .map(RecordedEvent::event)
        .switchIfEmpty(Mono.error(AuditEventNotFoundException::new));
  }

  private static AuditEventsPage page(List<RecordedEvent> rows, int limit) {
    List<RecordedEvent> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
    String next = rows.size() > limit ? shown.getLast().cursor().encode() : null;
    return new AuditEventsPage(shown.stream().map(RecordedEvent::event).toList(), next);
  }

  private static UUID uuid(String eventId) {
    try {
      return UUID.fromString(eventId);
    } catch (IllegalArgumentException notAUuid) {
      throw new ValidationFailedException("event_id", "must be an event id (a UUID)");
    }
  }
}
